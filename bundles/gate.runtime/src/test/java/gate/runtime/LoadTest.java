package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Volume and concurrency through origin and the session, on each engine (figures go to standard output). */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {TestEngines.NATIVE, TestEngines.INTERP})
class LoadTest {
    private static final Map<String, Programs> PROGRAMS = new ConcurrentHashMap<>();

    @Parameter
    String engine;

    @AfterAll
    static void close() {
        PROGRAMS.values().forEach(Programs::close);
    }

    private Programs programs() {
        return PROGRAMS.computeIfAbsent(engine, Programs::new);
    }

    @Test
    void echoOf64MiBArrivesByteForByte() throws Exception {
        long size = 64L << 20;
        var pattern = new Pattern(1);
        var check = pattern.check();
        var err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = programs().run(pattern.source(size), check, err, Programs.wasm("echo"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(size, check.count);
        assertEquals(-1, check.firstMismatch, "first differing byte");
        System.out.printf("echo 64 MiB through origin (%s): %.2f s, %.1f MiB/s%n", engine, seconds, 64 / seconds);
    }

    @Test
    void hundredConcurrentInstancesEachSeeOnlyTheirOwnPackets() throws Exception {
        int instances = 100;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<String>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                int n = i;
                Callable<String> job = n % 2 == 0 ? () -> echo(n) : () -> catalog(n);
                results.add(pool.submit(job));
            }
            for (Future<String> result : results) {
                assertEquals("ok", result.get());
            }
            System.out.printf("100 concurrent instances (echo 256 KiB / catalog, %s): %.2f s%n", engine,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private String echo(int n) throws InterruptedException {
        var pattern = new Pattern(1000L * n);
        var check = pattern.check();
        var err = new ByteArrayOutputStream();
        int status = programs().run(pattern.source(256 * 1024), check, err, Programs.wasm("echo"));
        if (status != 0 || check.count != 256 * 1024 || check.firstMismatch >= 0) {
            return "echo " + n + ": status " + status + ", " + check.count + " bytes, mismatch at "
                    + check.firstMismatch + ", " + err;
        }
        return "ok";
    }

    private String catalog(int n) throws InterruptedException {
        var r = programs().run("", Programs.wasm("catalog"));
        boolean good = r.status() == 0 && r.out().contains("\"catalog\"") && r.out().endsWith("\n");
        return good ? "ok" : "catalog " + n + ": status " + r.status() + ", out " + r.out() + ", err " + r.err();
    }
}
