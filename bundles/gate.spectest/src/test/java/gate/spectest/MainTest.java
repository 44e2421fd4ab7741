package gate.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownEngineListsTheAvailableOnes(@TempDir Path dir) {
        assertEquals(2, run(dir.toString(), "--engine", "no-such-engine"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown engine 'no-such-engine'; available: "), message);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("a", "b"));
        assertEquals(2, run("a", "--engine"));
        assertEquals(0, run("--help"));
    }

    @Test
    void brokenScriptIsOneFailure(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"commands\": [");
        Files.writeString(dir.resolve("a.json"), "{\"source_filename\": \"a.wast\", \"commands\": []}");
        assertEquals(1, run(dir.toString(), "--engine", "fake"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("a.json: 0 passed, 0 failed, 0 skipped", lines[0]);
        assertEquals("b.json: 0 passed, 1 failed, 0 skipped", lines[1]);
        assertEquals("0 passed, 1 failed, 0 skipped", lines[2]);
    }
}
