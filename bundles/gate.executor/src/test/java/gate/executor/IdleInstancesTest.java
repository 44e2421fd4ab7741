package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Figures, and correctness only as assertions (the machine is shared): {@code gate.idle.instances}
 * (default 1,000) native instances held at once: of idle.wat, each process blocked in a host call
 * that waits for the test's latch (runtime.native DESIGN.md §5, host slot); and of testdata's
 * echo in ABI mode (notes/s8/abi-native.md), each process blocked inside the sandbox waiting for
 * stdin while the JVM's thread sleeps in one poll. Prints what each executor process costs
 * (smaps_rollup: Rss, Pss, private pages; linear memory actually touched, from pagemap), then
 * releases them all and checks every result.
 */
class IdleInstancesTest {
    private static final int WAIT_S = 600;

    @Test
    void thousandIdleInstances() throws Exception {
        int count = Integer.getInteger("gate.idle.instances", 1000);
        boolean virtual = Boolean.getBoolean("gate.idle.virtual");
        long files = openFilesLimit();
        // The JVM holds three fds per running instance: its ends of the two pipes and the state memfd.
        assertTrue(files < 0 || files >= 3L * count + 512, "RLIMIT_NOFILE " + files + " of the JVM is too low for "
                + count + " instances (3 fds each): raise it or pass -Dgate.idle.instances=N");
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        System.setProperty("gate.native.bin", cache.resolve("bin").toString());
        System.setProperty("gate.native.cache", cache.resolve("idle-programs").toString());
        Engine engine = Engines.find("native");
        try {
            Program program = engine.compile(NativeEngineTest.module("idle"));
            CountDownLatch waiting = new CountDownLatch(count);
            CountDownLatch release = new CountDownLatch(1);
            HostFunction wait = new HostFunction(new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                    (caller, args) -> {
                        waiting.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new long[] {(args[0] * 2) & 0xffff_ffffL};
                    });
            Imports imports = imp -> imp.module().equals("env") && imp.name().equals("wait") ? wait : null;
            AtomicLongArray results = new AtomicLongArray(count);
            List<Thread> threads = new ArrayList<>();
            long[] before = Meminfo.read();
            long jvm = ProcessHandle.current().pid();
            long jvmRss = ProcTree.rollupKib(jvm, "Rss");
            long heap = retainedHeap();
            long started = System.nanoTime();
            for (int k = 0; k < count; k++) {
                int id = k;
                results.set(k, -1);
                Runnable body = () -> {
                    try (Instance i = program.instantiate(imports, InstanceLimits.DEFAULT)) {
                        results.set(id, i.invoke("idle", id)[0]);
                    } catch (RuntimeException e) {
                        results.set(id, -2);
                        e.printStackTrace();
                        waiting.countDown();
                    }
                };
                // Platform threads by default: an execution blocks in native reads, which pin a virtual thread.
                Thread t = virtual ? Thread.ofVirtual().unstarted(body) : new Thread(null, body, "idle-" + k, 256 << 10);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            assertTrue(waiting.await(WAIT_S, TimeUnit.SECONDS), "not all instances reached their host call");
            double startSeconds = (System.nanoTime() - started) / 1e9;
            long host = ((NativeEngine) engine).executor().container().pid();
            List<Long> pids = ProcTree.instanceProcesses(host);
            System.out.printf("gate.executor figures: the JVM waits with one %s thread per instance%n",
                    virtual ? "virtual" : "platform (256 KiB stack)");
            printFigures(count, pids, startSeconds, "each blocked in a host call");
            printIdleCpu(pids);
            Meminfo.printDelta(before, Meminfo.read(), count);
            System.out.printf("gate.executor figures: JVM per idle instance: Rss change %.1f KiB (heap growth included),"
                    + " Java heap retained after GC %.1f KiB%n", (ProcTree.rollupKib(jvm, "Rss") - jvmRss) / (double) count,
                    (retainedHeap() - heap) / 1024.0 / count);
            release.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            }
            for (int k = 0; k < count; k++) {
                assertEquals(3L * k & 0xffff_ffffL, results.get(k), "instance " + k);
            }
            assertEquals(count, pids.size(), "one blocked executor process per idle instance");
        } finally {
            ((NativeEngine) engine).close();
        }
    }

    /**
     * ABI mode: echo waits for stdin that its session never sends, until the test ends every
     * session's stream (stdin EOF), and then returns normally.
     */
    @Test
    void thousandIdleAbiModeInstances() throws Exception {
        int count = Integer.getInteger("gate.idle.instances", 1000);
        long files = openFilesLimit();
        // The JVM holds six fds per ABI-mode instance: four pipe ends, the eventfd and the state memfd.
        assertTrue(files < 0 || files >= 6L * count + 512, "RLIMIT_NOFILE " + files + " of the JVM is too low for "
                + count + " instances (6 fds each): raise it or pass -Dgate.idle.instances=N");
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        System.setProperty("gate.native.bin", cache.resolve("bin").toString());
        System.setProperty("gate.native.cache", cache.resolve("idle-programs").toString());
        Engine engine = Engines.find("native");
        try {
            gate.wasm.Module module = gate.wasm.Wasm.load(java.nio.file.Files.readAllBytes(
                    Path.of("../../testdata/echo.wasm")), gate.wasm.WasmLimits.DEFAULT);
            Program program = engine.compile(module);
            CountDownLatch waiting = new CountDownLatch(count);
            List<ListeningPipe> pipes = new ArrayList<>();
            AtomicLongArray results = new AtomicLongArray(count);
            List<Thread> threads = new ArrayList<>();
            long[] before = Meminfo.read();
            long jvm = ProcessHandle.current().pid();
            long jvmRss = ProcTree.rollupKib(jvm, "Rss");
            long heap = retainedHeap();
            long started = System.nanoTime();
            for (int k = 0; k < count; k++) {
                int id = k;
                results.set(k, -1);
                ListeningPipe pipe = new ListeningPipe() {
                    private boolean granted;

                    @Override
                    public synchronized int write(byte[] src, int offset, int length) {
                        if (!granted) { // echo's stdin grant: it waits for data next
                            granted = true;
                            waiting.countDown();
                        }
                        return super.write(src, offset, length);
                    }
                };
                pipes.add(pipe);
                gate.abi.ProgramAbi abi = gate.abi.ProgramAbi.create(module, pipe, gate.abi.AbiConfig.of(List.of("echo")));
                Thread t = new Thread(null, () -> {
                    try (Instance i = program.instantiate(abi, InstanceLimits.DEFAULT)) {
                        i.invoke("_start");
                        results.set(id, 0);
                    } catch (RuntimeException e) {
                        results.set(id, -2);
                        e.printStackTrace();
                        waiting.countDown();
                    }
                }, "idle-abi-" + k, 256 << 10);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            assertTrue(waiting.await(WAIT_S, TimeUnit.SECONDS), "not all instances asked for stdin");
            double startSeconds = (System.nanoTime() - started) / 1e9;
            long host = ((NativeEngine) engine).executor().container().pid();
            List<Long> pids = ProcTree.instanceProcesses(host);
            System.out.println("gate.executor figures: ABI mode: the JVM waits with one platform (256 KiB stack) thread"
                    + " per instance, in poll(2) over the instance's fd 1 and an eventfd");
            printFigures(count, pids, startSeconds, "ABI mode, each waiting for stdin inside the sandbox");
            printIdleCpu(pids);
            Meminfo.printDelta(before, Meminfo.read(), count);
            System.out.printf("gate.executor figures: ABI mode: JVM per idle instance: Rss change %.1f KiB (heap growth"
                    + " included), Java heap retained after GC %.1f KiB%n", (ProcTree.rollupKib(jvm, "Rss") - jvmRss)
                    / (double) count, (retainedHeap() - heap) / 1024.0 / count);
            for (ListeningPipe pipe : pipes) {
                pipe.input(new byte[0], true); // the session ended: stdin reads EOF
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            }
            for (int k = 0; k < count; k++) {
                assertEquals(0, results.get(k), "instance " + k);
            }
            assertEquals(count, pids.size(), "one blocked executor process per idle instance");
        } finally {
            ((NativeEngine) engine).close();
        }
    }

    private static void printFigures(int count, List<Long> pids, double startSeconds, String how) {
        long[] rss = new long[pids.size()];
        long[] pss = new long[pids.size()];
        long[] own = new long[pids.size()];
        long[] touched = new long[pids.size()];
        long[] pte = new long[pids.size()];
        int n = 0;
        for (long pid : pids) {
            long r = ProcTree.rollupKib(pid, "Rss");
            long p = ProcTree.rollupKib(pid, "Pss");
            long priv = ProcTree.rollupKib(pid, "Private_Clean") + ProcTree.rollupKib(pid, "Private_Dirty");
            long m = ProcTree.linearMemoryTouchedKib(pid, StateLayout.WASM_PAGE);
            if (r >= 0 && p >= 0 && m >= 0) {
                rss[n] = r - m;
                pss[n] = p - m;
                own[n] = priv - m;
                touched[n] = m;
                pte[n] = ProcTree.statusKib(pid, "VmPTE");
                n++;
            }
        }
        System.out.printf("gate.executor figures: %d idle native instances (%s) started in %.1f s;"
                + " %d executor processes measured%n", count, how, startSeconds, n);
        if (n == 0) {
            return;
        }
        System.out.printf("gate.executor figures: per idle instance beyond its touched linear memory (median %d KiB):"
                + " Rss %s, Pss %s, private %s (KiB, median/max)%n", median(touched, n), figure(rss, n), figure(pss, n),
                figure(own, n));
        System.out.printf("gate.executor figures: kernel page tables per idle executor process (VmPTE, not in RSS): %s KiB"
                + " (median/max)%n", figure(pte, n));
        System.out.println("gate.executor figures: mappings of one idle executor process (KiB resident):");
        for (ProcTree.Mapping m : ProcTree.mappings(pids.get(0))) {
            System.out.printf("    %-5s %10d KiB mapped %6d KiB resident  %s%n", m.perms(), (m.end() - m.start()) >> 10,
                    m.rssKib(), m.name());
        }
    }

    /** What the idle processes do for a second: their states and the CPU time they use meanwhile. */
    private static void printIdleCpu(List<Long> pids) throws InterruptedException {
        long before = 0;
        for (long pid : pids) {
            before += Math.max(0, ProcTree.cpuTicks(pid));
        }
        Thread.sleep(1000);
        long after = 0;
        java.util.Map<Character, Integer> states = new java.util.TreeMap<>();
        for (long pid : pids) {
            after += Math.max(0, ProcTree.cpuTicks(pid));
            states.merge(ProcTree.state(pid), 1, Integer::sum);
        }
        System.out.printf("gate.executor figures: idle executor processes by state %s; CPU used by all of them in 1 s:"
                + " %d clock ticks%n", states, after - before);
    }

    /** The soft RLIMIT_NOFILE of this JVM (/proc/self/limits), or -1. */
    private static long openFilesLimit() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long retainedHeap() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long median(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v[n / 2];
    }

    private static String figure(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v[n / 2] + "/" + v[n - 1];
    }
}
