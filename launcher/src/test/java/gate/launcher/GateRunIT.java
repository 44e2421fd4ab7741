package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/gate run} as a real process on the assembled distribution: standard output, standard
 * error and exit status of testdata programs on the interpreter.
 */
class GateRunIT {
    private static final Path DIST = Path.of(System.getProperty("gate.dist", "target/gate"));
    private static final Path TESTDATA = Path.of("../testdata").toAbsolutePath().normalize();

    /** One finished process. */
    private record Result(int status, String out, String err) {}

    private static Result gateRun(String input, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(DIST.resolve("bin/gate").toString(), "run"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("GATE_JAVA_OPTS");
        Process process = builder.start();
        var out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(RunningGate.WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gate run did not end");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String wasm(String name) {
        return TESTDATA.resolve(name + ".wasm").toString();
    }

    @Test
    void helloPrintsAndReturnsZero() throws Exception {
        var r = gateRun("", wasm("hello"));
        assertEquals("hello, world\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void catalogProgramTalksToThePlatformsCatalogService() throws Exception {
        var r = gateRun("", wasm("catalog"));
        assertTrue(r.out().contains("\"name\": \"catalog\""), r.out() + r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void stdinReachesTheProgramAndArgumentsSetTheStatus() throws Exception {
        var r = gateRun("5 6 7\n", "--engine", "interp", wasm("scanf"));
        assertEquals("3 numbers, sum 18\n", r.out());
        assertEquals(0, r.status(), r.err());
        assertEquals(3, gateRun("", wasm("exit"), "3").status());
    }

    @Test
    void abiViolationMissingFileAndNativeEngineHaveTheirStatuses() throws Exception {
        var trap = gateRun("", wasm("undiscovered_code"));
        assertEquals(125, trap.status());
        assertTrue(trap.err().contains("trap: ABI violation"), trap.err());
        var missing = gateRun("", "no-such.wasm");
        assertEquals(127, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        var nativeEngine = gateRun("", "--engine", "native", wasm("hello"));
        assertEquals(124, nativeEngine.status());
        assertTrue(nativeEngine.err().contains("not available"), nativeEngine.err());
    }
}
