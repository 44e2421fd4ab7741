package gate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interleaving of {@link SideBySide} and the summary of {@link RatioTable}, with scripted contenders. */
class SideBySideTest {
    private final List<String> calls = new ArrayList<>();

    /** A contender whose calls take {@code ms} and return {@code result}, recording their order. */
    private Contender scripted(String name, double ms, long result, boolean failPrepare) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Prepared prepare(Path file, String function) throws IOException {
                if (failPrepare) {
                    throw new IOException("cannot load");
                }
                return new Prepared() {
                    @Override
                    public double compileMs() {
                        return 1;
                    }

                    @Override
                    public Sample call() {
                        calls.add(name);
                        return new Sample(ms + calls.size() * 0.001, result);
                    }
                };
            }

            @Override
            public void close() {}
        };
    }

    private SideBySide.Result measure(Path file, int warmup, int runs, Contender... contenders) throws IOException {
        return new SideBySide(List.of(contenders), "run", warmup, runs).measure(file, file.getFileName().toString());
    }

    @Test
    void roundsInterleaveEveryContenderStartingOneLaterEachRound(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("k.wasm"), new byte[0]);
        SideBySide.Result r = measure(file, 1, 3, scripted("a", 10, 7, false), scripted("b", 20, 7, false),
                scripted("c", 5, 7, false));
        // Round -1 (warm-up) starts with c, round 0 with a, round 1 with b, round 2 with c.
        assertEquals(List.of("c", "a", "b", "a", "b", "c", "b", "c", "a", "c", "a", "b"), calls);
        assertTrue(r.failures().isEmpty());
        assertEquals(List.of("a", "b", "c"), r.measurements().stream().map(Measurement::engine).toList());
        Measurement b = r.measurements().get(1);
        assertEquals(3, b.runs()); // the warm-up call is not counted
        assertEquals(20.0, b.minMs(), 0.1);
        assertEquals(7, b.result());
    }

    @Test
    void aWrongChecksumOrAFailedPrepareDropsOnlyThatContender(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("k.wasm"), new byte[0]);
        Files.writeString(dir.resolve("k.expected"), "7\n");
        SideBySide.Result r = measure(file, 0, 2, scripted("good", 1, 7, false), scripted("wrong", 1, 8, false),
                scripted("broken", 1, 7, true));
        assertEquals(List.of("good"), r.measurements().stream().map(Measurement::engine).toList());
        List<String> failures = r.failures().stream().map(f -> f.engine() + ": " + f.cause().getMessage()).toList();
        assertEquals(List.of("broken: cannot load", "wrong: checksum 8, expected 7"), failures);
        assertEquals(1, calls.stream().filter("wrong"::equals).count()); // not called again after failing
    }

    @Test
    void tableShowsRatiosToTheFirstEngineAndGateEnginesAgainstPeers() {
        RatioTable table = new RatioTable(List.of("gcc-O2", "native", "node-liftoff"), Set.of("native"));
        table.add(new Measurement("d/fib.wasm", "gcc-O2", Double.NaN, 4, 4, 3, 0));
        table.add(new Measurement("d/fib.wasm", "native", 1, 8, 8, 3, 0));
        table.add(new Measurement("d/fib.wasm", "node-liftoff", 1, 16, 16, 3, 0));
        table.add(new Measurement("d/sieve.wasm", "gcc-O2", Double.NaN, 10, 10, 3, 0));
        table.add(new Measurement("d/sieve.wasm", "native", 1, 5, 5, 3, 0));
        String text = table.render();
        assertTrue(text.startsWith("| kernel | gcc-O2 ms | native ms | native/gcc-O2 | node-liftoff ms "
                + "| node-liftoff/gcc-O2 | native/node-liftoff |\n"), text);
        assertTrue(text.contains("| fib | 4.0 | 8.0 | 2.00 | 16.0 | 4.00 | 0.50 |"), text);
        assertTrue(text.contains("| sieve | 10.0 | 5.0 | 0.50 | - | - | - |"), text);
        // geometric mean of 2.00 and 0.50 is 1.00; node columns have one file each
        assertTrue(text.contains("| geometric mean |  |  | 1.00 |  | 4.00 | 0.50 |"), text);
        assertTrue(text.contains("| largest |  |  | 2.00 (fib) |  | 4.00 (fib) | 0.50 (fib) |"), text);
    }
}
