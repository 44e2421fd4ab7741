package gate.executor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions (the machine is shared): latency from the JVM's START request to the
 * program's first instruction (stamp.bin reads the realtime clock first thing), and the resident
 * size of idle pre-spawned processes. Runs {@code -Dgate.bench.starts} starts (default 1000).
 */
class StartLatencyFiguresTest {
    @Test
    void printFigures() throws Exception {
        int runs = Integer.getInteger("gate.bench.starts", 1000);
        double[] micros = new double[runs];
        int n = 0;
        try (Executor executor = new Executor(TestPrograms.config());
                TextImage stamp = TestPrograms.load("stamp")) {
            Container container = executor.container();
            for (int i = 0; i < runs; i++) {
                Thread.sleep(2); // the container refills its pool after 1 ms of quiet
                try (StateFile state = StateFile.create(TestPrograms.LAYOUT)) {
                    Instant sent = Instant.now();
                    try (InstanceProcess p = executor.launch(stamp, TestPrograms.record(stamp), state)) {
                        byte[] out = p.output().inputStream().readAllBytes();
                        p.status().get(60, TimeUnit.SECONDS);
                        if (out.length == 8) {
                            long first = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).getLong();
                            long sentNs = sent.getEpochSecond() * 1_000_000_000L + sent.getNano();
                            micros[n++] = (first - sentNs) / 1e3;
                        }
                    }
                }
            }
            Arrays.sort(micros, 0, n);
            assertTrue(n > 0, "no run produced a time stamp");
            System.out.printf("gate.executor figures: START request -> first program instruction, %d starts"
                    + " (namespaces %s): median %.0f us, p99 %.0f us, min %.0f us%n", n,
                    container.namespaces(), micros[n / 2], micros[Math.min(n - 1, n * 99 / 100)], micros[0]);
            Thread.sleep(200);
            long[] rss = idleRss(container.pid());
            if (rss[0] > 0) {
                System.out.printf("gate.executor figures: %d idle pre-spawned processes, mean VmRSS %d KiB%n",
                        rss[0], rss[1] / rss[0]);
            }
        }
    }

    @Test
    void printInvokeFigures() throws Exception {
        int runs = Integer.getInteger("gate.bench.starts", 1000);
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("figure-programs")));
        try (gate.engine.Instance i = engine.compile(NativeEngineTest.module("basic"))
                .instantiate(gate.engine.Imports.NONE, gate.engine.InstanceLimits.DEFAULT)) {
            double[] micros = new double[runs];
            for (int k = 0; k < runs; k++) {
                long t0 = System.nanoTime();
                i.invoke("add", k, 1);
                micros[k] = (System.nanoTime() - t0) / 1e3;
            }
            Arrays.sort(micros);
            System.out.printf("gate.executor figures: NativeEngine invoke (one instance process per call), %d calls:"
                    + " median %.0f us, p99 %.0f us%n", runs, micros[runs / 2], micros[Math.min(runs - 1, runs * 99 / 100)]);
        } finally {
            engine.close();
        }
    }

    /** [count, total KiB] of the container's children (pid 1 inside is the host side's child). */
    private static long[] idleRss(int hostPid) throws IOException {
        List<Long> level = children(hostPid);
        List<Long> idle = new ArrayList<>();
        if (level.size() == 1) {
            idle = children(level.get(0));
        }
        long total = 0;
        int count = 0;
        for (long pid : idle) {
            long kib = rssKib(pid);
            if (kib >= 0) {
                total += kib;
                count++;
            }
        }
        return new long[] {count, total};
    }

    private static List<Long> children(long pid) throws IOException {
        List<Long> out = new ArrayList<>();
        Path task = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(task)) {
            return out;
        }
        try (var tids = Files.list(task)) {
            for (Path t : tids.toList()) {
                for (String s : Files.readString(t.resolve("children")).trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        out.add(Long.parseLong(s));
                    }
                }
            }
        }
        return out;
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
