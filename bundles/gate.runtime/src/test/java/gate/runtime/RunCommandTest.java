package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Every testdata program through {@code gate run}'s entry point, on each engine. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {TestEngines.NATIVE, TestEngines.INTERP})
class RunCommandTest {
    /** One set of programs (one native container) per engine for the whole class. */
    private static final Map<String, Programs> PROGRAMS = new ConcurrentHashMap<>();

    @Parameter
    String engine;

    @AfterAll
    static void close() {
        PROGRAMS.values().forEach(Programs::close);
    }

    private Programs.Result run(String input, String... argv) throws InterruptedException {
        return PROGRAMS.computeIfAbsent(engine, Programs::new).run(input, argv);
    }

    @Test
    void helloPrintsThroughWasiStdout() throws Exception {
        var r = run("", Programs.wasm("hello"));
        assertEquals("hello, world\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void helloPrintsThroughAnAcceptedOriginStream() throws Exception {
        var r = run("", "--function", "hello_packets", Programs.wasm("hello"));
        assertEquals("hello, world\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void exitStatusIsTheProgramsProcExitCode() throws Exception {
        assertEquals(0, run("", Programs.wasm("exit")).status());
        assertEquals(7, run("", Programs.wasm("exit"), "7").status());
        assertEquals(42, run("", Programs.wasm("exit"), "--", "42").status());
    }

    @Test
    void stdinReachesTheProgram() throws Exception {
        var r = run("1 2 3\n-4 100\n", Programs.wasm("scanf"));
        assertEquals("5 numbers, sum 102\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void echoCopiesStdinToStdout() throws Exception {
        String text = "line one\nline two\n".repeat(5000);
        var r = run(text, Programs.wasm("echo"));
        assertEquals(text, r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void catalogProgramGetsTheCatalogJson() throws Exception {
        var r = run("", Programs.wasm("catalog"));
        assertTrue(r.out().contains("\"catalog\""), r.out() + r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void catalogProgramSeesAMissingCatalog() throws Exception {
        try (var bare = new Programs(engine, false)) {
            var r = bare.run("", Programs.wasm("catalog"));
            assertEquals("catalog is not available\n", r.out());
            assertEquals(1, r.status());
        }
    }

    @Test
    void clockAndRandomWork() throws Exception {
        var clock = run("", Programs.wasm("clock"));
        assertEquals("realtime ok\nmonotonic ok\n", clock.out());
        assertEquals(0, clock.status(), clock.out() + clock.err());
        var random = run("", Programs.wasm("random"));
        assertTrue(random.out().matches("[0-9a-f]{32}\n"), random.out());
    }

    @Test
    void abiViolationsEndWithTheTrapStatusAndAMessage() throws Exception {
        for (String name : new String[] {"bad_pointer", "oversize_packet", "undiscovered_code"}) {
            var r = run("", Programs.wasm(name));
            assertEquals(ExitCodes.TRAP, r.status(), name + ": " + r.err());
            assertTrue(r.err().contains("trap: ABI violation"), name + ": " + r.err());
        }
    }

    /** (func $inner unreachable) (func (export "_start") call $inner), with a name section. */
    private static final byte[] TRAPPING = java.util.HexFormat.of().parseHex(
            "0061736d010000000104016000000303020000070a01065f737461727400010a"
                    + "0a020300000b040010000b0016046e616d650108010005696e6e657202050200000100");

    @Test
    void trapEndsWithTheTrapStatusAndNamesTheTrapAndFunction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trap.wasm");
        Files.write(file, TRAPPING);
        var r = run("", file.toString());
        assertEquals(ExitCodes.TRAP, r.status());
        assertTrue(r.err().contains("trap: unreachable in inner"), r.err());
    }

    @Test
    void missingFileHasItsOwnStatus() throws Exception {
        var r = run("", "no-such-file.wasm");
        assertEquals(ExitCodes.NOT_FOUND, r.status());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void rejectedModuleHasItsOwnStatus(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.wasm");
        Files.writeString(junk, "this is not wasm");
        var r = run("", junk.toString());
        assertEquals(ExitCodes.REJECTED, r.status());
        assertTrue(r.err().contains("module rejected"), r.err());
    }

    @Test
    void oversizedFileIsRejectedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.wasm");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((long) gate.wasm.WasmLimits.DEFAULT.moduleSize() + 1); // sparse
        }
        var r = run("", huge.toString());
        assertEquals(ExitCodes.REJECTED, r.status());
        assertTrue(r.err().contains("exceed the limit"), r.err());
    }

    @Test
    void aDirectoryCannotBeRead(@TempDir Path dir) throws Exception {
        assertEquals(ExitCodes.NOT_FOUND, run("", dir.toString()).status());
    }

    @Test
    void missingFunctionIsARejection() throws Exception {
        var r = run("", "--function", "nope", Programs.wasm("hello"));
        assertEquals(ExitCodes.REJECTED, r.status());
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(ExitCodes.USAGE, run("").status());
        assertEquals(ExitCodes.USAGE, run("", "--bogus", "x.wasm").status());
        assertEquals(0, run("", "--help").status());
    }
}
