package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.wasm.ResourceLimitException;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile programs through the public engine SPI ({@code Engines.find("native")}): each ends with
 * its typed outcome while a well-behaved instance ({@link Bystander}) keeps working next to it.
 * The syscall-level sandbox (forbidden system calls, namespaces, mappings) is tested by the C
 * driver of runtime.native ({@code test_syscalls}, {@code test_probe}, {@code test_maps}); the
 * CPU-time backstop for code without suspension checks by its {@code test_suspend_kill}.
 */
class HostileProgramsTest {
    private static final long NO_PAGE = 0xffff_ffffL; // memory.grow's -1 as an unsigned i32 result

    private static Engine engine;
    private static Program hostile;

    @BeforeAll
    static void setUp() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        // Engines.find makes the engine with its no-argument constructor, which reads these.
        System.setProperty("gate.native.bin", cache.resolve("bin").toString());
        System.setProperty("gate.native.cache", cache.resolve("hostile-programs").toString());
        engine = Engines.find("native");
        assertTrue(engine.isAvailable(), "the native engine needs its container here");
        hostile = engine.compile(NativeEngineTest.module("hostile"));
    }

    @AfterAll
    static void tearDown() {
        ((NativeEngine) engine).close();
    }

    /** Every loop shape reaches a suspension check: SUSPENDED (a shape without one would be killed by the CPU backstop instead). */
    @ParameterizedTest
    @ValueSource(strings = {"spin", "spin_br_if", "spin_br_table", "spin_if", "spin_nested", "spin_calls"})
    void endlessLoopsSuspendAndAreKilled(String loop) throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            long[] args = loop.equals("spin_br_table") ? new long[] {2} : new long[0];
            interruptSoon(i, TrapId.SUSPENDED);
            assertTrap(TrapId.SUSPENDED, () -> i.invoke(loop, args), loop + " did not stop at a suspension check");
            assertTrue(i.isSuspended());
            interruptSoon(i, TrapId.KILLED);
            assertTrap(TrapId.KILLED, i::resume, loop);
            assertFalse(i.isSuspended());
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void killedWhileRunningAndTheInstanceStaysUsable() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            interruptSoon(i, TrapId.KILLED);
            assertTrap(TrapId.KILLED, () -> i.invoke("spin"), "kill");
            assertFalse(i.isSuspended());
            assertArrayEquals(new long[] {1}, i.invoke("size"));
            assertArrayEquals(new long[] {100}, i.invoke("deep", 100));
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void memoryBombStopsAtTheInstanceLimit() throws Exception {
        InstanceLimits limits = new InstanceLimits(64, 1 << 20);
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, limits);
                Instance j = hostile.instantiate(Imports.NONE, limits);
                Instance k = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {64}, i.invoke("bomb"));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 1));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 65536));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 0x8000_0000L));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 0xffff_ffffL));
            assertArrayEquals(new long[] {64}, i.invoke("size"));
            assertArrayEquals(new long[] {63}, i.invoke("load", 63 << 16)); // every page was touched
            assertArrayEquals(new long[] {5}, i.invoke("load", 5 << 16));
            assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("load", 64 << 16), "load past the limit");
            assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> j.invoke("bomb_then_store"), "store past the limit");
            assertArrayEquals(new long[] {64}, j.invoke("size"));
            // the default limit: 512 pages, 32 MiB touched
            assertArrayEquals(new long[] {512}, k.invoke("bomb"));
            assertArrayEquals(new long[] {511}, k.invoke("load", 511 << 16));
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** The whole 4 GiB of wasm32 when the limit allows it: reserved, mapped on grow, untouched pages free. */
    @Test
    void memoryGrowsToFourGibibytesWhenAllowed() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, new InstanceLimits(65536, 1 << 20))) {
            assertArrayEquals(new long[] {1}, i.invoke("grow", 65535));
            assertArrayEquals(new long[] {65536}, i.invoke("size"));
            i.invoke("store", 0xffff_fffcL, 0x7a7a7a7a);
            assertArrayEquals(new long[] {0x7a7a7a7a}, i.invoke("load", 0xffff_fffcL));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 1));
            assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("load", 0xffff_fffdL), "straddles 4 GiB");
            // InstanceState holds memory in one byte[]: refused, not an OutOfMemoryError
            assertThrows(IllegalStateException.class, i::captureState);
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** table.grow of a table without maximum ends with -1 at the engine's capacity; the table stays consistent. */
    @Test
    void tableBombStopsAtTheEngineCapacity() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            long size = i.invoke("table_bomb")[0];
            assertTrue(size > 0 && size < 1 << 20, "table grew to " + size);
            assertArrayEquals(new long[] {size}, i.invoke("table_bomb"), "grow refused again at the same size");
            assertArrayEquals(new long[] {0}, i.invoke("table_set_last"));
            assertArrayEquals(new long[] {1}, i.invoke("table_get", 0));
            assertTrap(TrapId.TABLE_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("table_get", size), "get past the end");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * Interrupts racing with short executions, without and with host calls served in the process:
     * each ends with its result or the interrupt; the interrupting thread never fails.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void interruptsRacingWithShortExecutions(boolean hostCalls) throws Exception {
        gate.engine.HostFunction add = new gate.engine.HostFunction(new gate.wasm.FuncType(
                java.util.List.of(gate.wasm.ValType.I32, gate.wasm.ValType.I32), java.util.List.of(gate.wasm.ValType.I32)),
                (caller, args) -> new long[] {(args[0] + args[1]) & 0xffff_ffffL});
        Program p = hostCalls ? engine.compile(NativeEngineTest.module("hostloop")) : hostile;
        Imports imports = imp -> {
            gate.wasm.FuncType type = p.module().types().get(((gate.wasm.ImportDesc.Func) imp.desc()).typeIndex());
            return imp.name().equals("add") ? add
                    : new gate.engine.HostFunction(type, (caller, args) -> new long[type.results().size()]); // not called
        };
        String function = hostCalls ? "sum" : "deep";
        long[] expected = {hostCalls ? 4950 : 100};
        try (Instance i = p.instantiate(imports, InstanceLimits.DEFAULT)) {
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Throwable> interrupter = CompletableFuture.supplyAsync(() -> {
                java.util.Random random = new java.util.Random(42);
                try {
                    while (!done.get()) {
                        i.interrupt(random.nextBoolean() ? TrapId.KILLED : TrapId.SUSPENDED);
                        java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(2_000_000));
                    }
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
            try {
                for (int k = 0; k < Integer.getInteger("gate.test.races", 300); k++) {
                    String outcome = trapOf(() -> assertArrayEquals(expected, i.invoke(function, 100)));
                    // a suspended call is finished (or interrupted again) by resume
                    for (int r = 0; r < 1000 && i.isSuspended(); r++) {
                        outcome += "," + trapOf(() -> assertArrayEquals(expected, i.resume()));
                    }
                    for (String o : outcome.split(",")) {
                        outcomes.merge(o, 1, Integer::sum);
                    }
                }
            } finally {
                done.set(true);
            }
            assertEquals(null, interrupter.get(60, TimeUnit.SECONDS), "the interrupting thread failed");
            outcomes.keySet().forEach(o -> assertTrue(o.equals("no trap") || o.equals("KILLED") || o.equals("SUSPENDED"),
                    "unexpected outcome " + o + " in " + outcomes));
            System.out.println("gate.executor figures: interrupts racing with short " + function + " calls: " + outcomes);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 1 << 20, 64 << 20, Integer.MAX_VALUE})
    void unboundedRecursionExhaustsTheStack(int stackSize) throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, new InstanceLimits(16, stackSize))) {
            for (String f : new String[] {"forever", "indirect", "fat"}) {
                assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke(f, 1), f + " with a stack of " + stackSize);
                assertArrayEquals(new long[] {10}, i.invoke("deep", 10), "usable after " + f);
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * A frame far larger than the whole stack (49,000 i64 locals, about 383 KiB): the entry check
     * must stop the call before any local is written below the stack, where the vars page lies.
     */
    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20, 64 << 20})
    void hugeFramesExhaustTheStack(int stackSize) throws Exception {
        int locals = 49_000;
        // (func $f (param i64) (result i64) (local i64 × 49000)
        //   local.get 0  local.set 49000  local.get 49000  local.get 0  i64.const 1  i64.add  call $f  i64.add)
        java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        code.write(0x20);
        code.write(0);
        code.write(0x21);
        code.writeBytes(ModuleBytes.u32(locals));
        code.write(0x20);
        code.writeBytes(ModuleBytes.u32(locals));
        code.writeBytes(new byte[] {0x20, 0, 0x42, 1, 0x7c, 0x10, 0, 0x7c});
        byte[] module = new ModuleBytes().oneType(1, 1).functions(1).exportFunction("f", 0)
                .code(1, locals, code.toByteArray()).bytes();
        Program p = engine.compile(Wasm.load(module, WasmLimits.DEFAULT));
        try (Bystander bystander = Bystander.start(engine);
                Instance i = p.instantiate(Imports.NONE, new InstanceLimits(0, stackSize))) {
            assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("f", 1), "frames of 383 KiB on a stack of " + stackSize);
            assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("f", 1), "again");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void recursionInTheStartFunctionFailsInstantiation() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("startdeep"));
        try (Bystander bystander = Bystander.start(engine)) {
            UninstantiableException e = assertThrows(UninstantiableException.class,
                    () -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT));
            assertEquals(TrapId.CALL_STACK_EXHAUSTED, assertInstanceOf(TrapException.class, e.getCause()).trap());
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** Limits of the compiler's globals area (1 MiB - 4 KiB: globals, tables, element segments). */
    @Test
    void modulesOverTheCompileLimitsAreRefusedWithTypedErrors() throws Exception {
        try (Bystander bystander = Bystander.start(engine)) {
            byte[] bigTable = new ModuleBytes().table(200_000).bytes();
            byte[] manyGlobals = new ModuleBytes().globals(200_000).bytes();
            byte[] bigSegment = new ModuleBytes().oneType(0, 0).functions(1).table(1)
                    .element(150_000).code(1, new byte[0]).bytes();
            for (byte[] module : new byte[][] {bigTable, manyGlobals, bigSegment}) {
                gate.wasm.Module m = Wasm.load(module, WasmLimits.DEFAULT); // the front end accepts them
                ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> engine.compile(m));
                assertTrue(e.getMessage().contains("globals area"), e.getMessage());
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void declaredMemoryOverTheInstanceLimitIsRefused() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("bigmemory"));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT));
        assertTrue(e.getMessage().contains("exceeds the instance limit"), e.getMessage());
        try (Instance i = p.instantiate(Imports.NONE, new InstanceLimits(600, 1 << 20))) {
            assertArrayEquals(new long[] {600}, i.invoke("size"));
        }
    }

    /**
     * About 52 MB of memory.copy (10 bytes each, about 106 bytes of x86-64) is over the compiler's
     * 512 MiB code limit: a typed error, not an OutOfMemoryError. Takes 1.3 GB of heap and ~15 s,
     * so only with {@code -Dgate.test.huge=true}.
     */
    @Test
    void codeOverTheGeneratedCodeLimitIsATypedError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("gate.test.huge"), "-Dgate.test.huge=true");
        byte[] copy = {0x41, 0, 0x41, 0, 0x41, 0, (byte) 0xfc, 10, 0, 0};
        byte[] body = new byte[copy.length * 650_000];
        for (int k = 0; k < body.length; k += copy.length) {
            System.arraycopy(copy, 0, body, k, copy.length);
        }
        byte[] module = new ModuleBytes().oneType(0, 0).functions(8).memory(1).code(8, body).bytes();
        gate.wasm.Module m = Wasm.load(module, WasmLimits.DEFAULT);
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> engine.compile(m));
        assertTrue(e.getMessage().contains("generated code exceeds"), e.getMessage());
    }

    /** Host calls served in the process do not hide an endless loop from suspension, nor recursion from the stack limit. */
    @Test
    void endlessHostCallsSuspendAndAreKilled() throws Exception {
        gate.engine.HostFunction tick = new gate.engine.HostFunction(
                new gate.wasm.FuncType(java.util.List.of(gate.wasm.ValType.I64), java.util.List.of(gate.wasm.ValType.I64)),
                (caller, args) -> new long[] {args[0] + 1});
        Program p = engine.compile(NativeEngineTest.module("hostilecalls"));
        try (Bystander bystander = Bystander.start(engine);
                Instance i = p.instantiate(imp -> tick, new InstanceLimits(1, 64 << 10))) {
            interruptSoon(i, TrapId.SUSPENDED);
            assertTrap(TrapId.SUSPENDED, () -> i.invoke("spin_calling", 0), "loop of host calls");
            assertTrue(i.isSuspended());
            interruptSoon(i, TrapId.KILLED);
            assertTrap(TrapId.KILLED, i::resume, "loop of host calls");
            assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("down", 0), "recursion through host calls");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * A kill ends one execution, not the instance: a host function's own SUSPENDED in a later
     * execution (how a wake-up is answered) must stay SUSPENDED, resumable.
     */
    @Test
    @Disabled("bug in NativeInstance: interrupt() (line ~799) sets `requested` = KILLED while a process runs and"
            + " nothing clears it when that execution ends, so hostStopped() (line ~744) turns every later host"
            + " SUSPENDED of the instance into KILLED")
    void aKillDoesNotTurnLaterHostSuspensionsIntoKills() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean suspendNext = new java.util.concurrent.atomic.AtomicBoolean();
        gate.engine.HostFunction tick = new gate.engine.HostFunction(
                new gate.wasm.FuncType(java.util.List.of(gate.wasm.ValType.I64), java.util.List.of(gate.wasm.ValType.I64)),
                (caller, args) -> {
                    if (suspendNext.getAndSet(false)) {
                        throw new TrapException(TrapId.SUSPENDED);
                    }
                    return new long[] {args[0] + 1};
                });
        Program p = engine.compile(NativeEngineTest.module("hostilecalls"));
        try (Instance i = p.instantiate(imp -> tick, new InstanceLimits(1, 64 << 10))) {
            interruptSoon(i, TrapId.KILLED);
            assertTrap(TrapId.KILLED, () -> i.invoke("spin_calling", 0), "kill");
            suspendNext.set(true);
            assertTrap(TrapId.SUSPENDED, () -> i.invoke("down", 0), "the host function's own SUSPENDED after a kill");
            assertTrue(i.isSuspended());
        }
    }

    /** Many hostile instances of every kind at once, next to the well-behaved ones. */
    @Test
    void allKindsAtOnce() throws Exception {
        Program startdeep = engine.compile(NativeEngineTest.module("startdeep"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try (Bystander bystander = Bystander.start(engine)) {
            java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int k = 0; k < 16; k++) {
                int kind = k % 4;
                outcomes.add(pool.submit(() -> switch (kind) {
                    case 0 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            yield Long.toString(i.invoke("bomb")[0]);
                        }
                    }
                    case 1 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            yield trapOf(() -> i.invoke("forever", 1));
                        }
                    }
                    case 2 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            interruptSoon(i, TrapId.KILLED);
                            yield trapOf(() -> i.invoke("spin_nested"));
                        }
                    }
                    default -> {
                        try {
                            startdeep.instantiate(Imports.NONE, InstanceLimits.DEFAULT).close();
                            yield "instantiated";
                        } catch (UninstantiableException e) {
                            yield e.getCause() instanceof TrapException t ? t.trap().name() : e.toString();
                        }
                    }
                }));
            }
            String[] expected = {"512", "CALL_STACK_EXHAUSTED", "KILLED", "CALL_STACK_EXHAUSTED"};
            for (int k = 0; k < outcomes.size(); k++) {
                assertEquals(expected[k % 4], outcomes.get(k).get(120, TimeUnit.SECONDS), "hostile instance " + k);
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        } finally {
            pool.shutdownNow();
        }
    }

    private static String trapOf(org.junit.jupiter.api.function.Executable run) {
        try {
            run.execute();
            return "no trap";
        } catch (TrapException e) {
            return e.trap().name();
        } catch (Throwable e) {
            return e.toString();
        }
    }

    /**
     * A start function that never ends: the SPI has no instance to interrupt yet, so the caller
     * interrupts its thread. Instantiation must end with KILLED and the process must be gone.
     */
    @Test
    void endlessStartFunctionEndsWhenItsThreadIsInterrupted() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("startspin"));
        Throwable e = interruptedAfterAWhile(() -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT).close());
        UninstantiableException u = assertInstanceOf(UninstantiableException.class, e);
        assertEquals(TrapId.KILLED, assertInstanceOf(TrapException.class, u.getCause()).trap());
        assertNoInstanceProcessLeft();
    }

    /** The same for an invocation: the thread's interrupt ends it KILLED, and its process with it. */
    @Test
    void endlessLoopEndsWhenItsThreadIsInterrupted() throws Exception {
        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            Throwable e = interruptedAfterAWhile(() -> i.invoke("spin"));
            assertEquals(TrapId.KILLED, assertInstanceOf(TrapException.class, e).trap());
            assertNoInstanceProcessLeft();
        }
    }

    /** Runs {@code body} on a new thread, interrupts that thread after a moment, returns what it threw. */
    private static Throwable interruptedAfterAWhile(org.junit.jupiter.api.function.Executable body) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.execute();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.setDaemon(true);
        t.start();
        Thread.sleep(300);
        t.interrupt();
        return outcome.get(60, TimeUnit.SECONDS);
    }

    private static void assertNoInstanceProcessLeft() throws Exception {
        long host = ((NativeEngine) engine).executor().container().pid();
        // No duration is asserted: the bound only keeps a leaked process from hanging the build.
        for (int k = 0; k < 300 && !ProcTree.instanceProcesses(host).isEmpty(); k++) {
            Thread.sleep(100);
        }
        assertEquals(java.util.List.of(), ProcTree.instanceProcesses(host),
                "an instance process still runs after its execution ended");
    }

    private static void assertTrap(TrapId expected, org.junit.jupiter.api.function.Executable run, String what) {
        TrapException e = assertThrows(TrapException.class, run, what);
        assertEquals(expected, e.trap(), what);
    }

    /** Interrupts from another thread once the execution has had a moment to start (either way works). */
    private static void interruptSoon(Instance i, TrapId reason) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            i.interrupt(reason);
        });
        t.setDaemon(true);
        t.start();
    }
}
