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

    /** A native build of fib: a real process that prints what testdata/bench's binaries print. */
    private static Path fakeNativeBuild(Path dir, String result) throws Exception {
        Path copy = dir.resolve("fib.wasm");
        Files.copy(kernel("fib.wasm"), copy);
        Files.copy(kernel("fib.expected"), dir.resolve("fib.expected"));
        Path bin = Files.createDirectories(dir.resolve("native")).resolve("fib");
        Files.writeString(bin, "#!/bin/sh\n[ \"$1\" = --time ] || exit 9\necho " + result + "\necho call_ms=4.25 >&2\n");
        assertTrue(bin.toFile().setExecutable(true));
        return copy;
    }

    @Test
    void enginesSideBySideWithANativeBuildPrintLinesAndTable(@TempDir Path dir) throws Exception {
        Path fib = fakeNativeBuild(dir, "3524578");
        assertEquals(0, run(fib.toString(), "--engines", "gcc-O2,interp", "--runs", "2", "--warmup", "1"),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("engine=gcc-O2 compile_ms=- min_ms=4.3 median_ms=4.3 runs=2"), text);
        assertTrue(text.matches("(?s).*bench \\S+fib\\.wasm engine=interp compile_ms=[0-9.]+ min_ms=[0-9.]+ "
                + "median_ms=[0-9.]+ runs=2\n.*"), text);
        assertTrue(text.contains("| kernel | gcc-O2 ms | interp ms | interp/gcc-O2 |"), text);
        assertTrue(text.contains("| fib | 4.3 |"), text);
        assertTrue(text.contains("load average"), text);
    }

    @Test
    void aPeerThatFailsIsReportedAndTheOthersStillRun(@TempDir Path dir) throws Exception {
        Path fib = fakeNativeBuild(dir, "42");
        assertEquals(1, run(fib.toString(), "--engines", "gcc-O2,interp,node-liftoff", "--node",
                dir.resolve("no-such-node").toString(), "--runs", "1"));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("on gcc-O2: checksum 42, expected 3524578"), errors);
        assertTrue(errors.contains("on node-liftoff: cannot start"), errors);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("engine=interp"), out.toString(StandardCharsets.UTF_8));
        Files.delete(dir.resolve("native/fib"));
        err.reset();
        assertEquals(1, run(fib.toString(), "--engines", "gcc-O2,interp", "--runs", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no native build"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nodeLiftoffRunsSideBySide() throws Exception {
        Assumptions.assumeTrue(onPath("node"), "node is not installed");
        Path fib = kernel("fib.wasm");
        assertEquals(0, run(fib.toString(), "--engines", "interp,node-liftoff,node", "--runs", "1"),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*engine=node-liftoff compile_ms=[0-9.]+ min_ms=[0-9.]+ median_ms=[0-9.]+ runs=1\n.*"),
                text);
        assertTrue(text.contains("| interp/node-liftoff | interp/node |"), text);
    }

    @Test
    void enginesUsageErrors() {
        assertEquals(2, run("x.wasm", "--engines", "interp"));
        assertEquals(2, run("x.wasm", "--engines", "interp,interp"));
        assertEquals(2, run("x.wasm", "--engines", "interp,nope"));
        assertEquals(2, run("x.wasm", "--engines", "interp,"));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, command))) {
                return true;
            }
        }
        return false;
    }
}
