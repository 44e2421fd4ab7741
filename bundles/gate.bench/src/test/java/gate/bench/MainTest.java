package gate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command line on the interp engine, with a kernel from {@code testdata/bench}. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path kernel(String name) {
        Path dir = Path.of(System.getProperty("gate.benchdata", "../../testdata/bench"));
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark kernel not found: " + file);
        return file;
    }

    @Test
    void printsOneBenchLinePerFileAndChecksTheChecksum() {
        Path fib = kernel("fib.wasm");
        assertEquals(0, run(fib.toString(), "--runs", "1"), err.toString(StandardCharsets.UTF_8));
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("bench \\S+fib\\.wasm engine=interp compile_ms=[0-9.]+ min_ms=[0-9.]+ "
                + "median_ms=[0-9.]+ runs=1"), line);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("result 3524578"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void warmUpRunsAreNotCounted() {
        Path fib = kernel("fib.wasm");
        assertEquals(0, run(fib.toString(), "--warmup", "2", "--runs", "1"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).strip().endsWith("runs=1"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wrongChecksumFails(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("fib.wasm");
        Files.copy(kernel("fib.wasm"), copy);
        Files.writeString(dir.resolve("fib.expected"), "12345\n");
        assertEquals(1, run(copy.toString(), "--runs", "1"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("checksum 3524578, expected 12345"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void invalidModuleAndUsageErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        assertEquals(1, run(bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("malformed"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run());
        assertEquals(2, run("x.wasm", "--runs", "0"));
        assertEquals(2, run("x.wasm", "--warmup", "-1"));
        assertEquals(2, run("x.wasm", "--engine", "nope"));
        assertEquals(0, run("--help"));
    }
}
