package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/gate run} without an engine, with a missing file, an unknown engine, and --help. */
class GateRunDefaultsIT {

    /** The native engine is the default here: it compiles the program into its (empty) cache. */
    @Test
    void defaultEngineIsNative(@TempDir Path programs) throws Exception {
        var r = GateRunProcess.run(programs, "", List.of(GateRunProcess.wasm("hello")));
        assertEquals("hello, world\n", r.out());
        assertEquals(0, r.status(), r.err());
        try (Stream<Path> compiled = Files.list(programs)) {
            assertEquals(1, compiled.count(), "one program compiled by the native engine");
        }
        var interp = GateRunProcess.run(programs, "", List.of("--engine", "interp", GateRunProcess.wasm("scanf")));
        assertEquals(0, interp.status(), interp.err());
        try (Stream<Path> compiled = Files.list(programs)) {
            assertEquals(1, compiled.count(), "--engine interp compiles nothing natively");
        }
    }

    @Test
    void missingFileUnknownEngineAndHelpHaveTheirStatuses() throws Exception {
        var missing = GateRunProcess.run("", List.of("no-such.wasm"));
        assertEquals(127, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        var unknown = GateRunProcess.run("", List.of("--engine", "jit", GateRunProcess.wasm("hello")));
        assertEquals(124, unknown.status());
        assertTrue(unknown.err().contains("engine jit is not available"), unknown.err());
        var help = GateRunProcess.run("", List.of("--help"));
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("--engine native|interp"), help.out());
        assertTrue(help.out().contains("default: native where it can run, else interp"), help.out());
    }
}
