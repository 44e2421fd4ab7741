package gate.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's guards, on the scripted {@link FakeEngine}. */
class ScriptRunnerTest {
    /** The smallest valid module: magic and version. */
    private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private static String invoke(String type, String field, String extra) {
        return "{\"type\": \"" + type + "\", \"line\": 1, \"action\": {\"type\": \"invoke\", \"field\": \""
                + field + "\", \"args\": []}" + extra + "}";
    }

    private static ScriptResult run(Path dir, String... commands) throws Exception {
        Files.write(dir.resolve("m.wasm"), EMPTY_MODULE);
        Files.writeString(dir.resolve("s.json"), "{\"commands\": [{\"type\": \"module\", \"line\": 1, "
                + "\"filename\": \"m.wasm\"}, " + String.join(", ", commands) + "]}");
        return new ScriptRunner(new FakeEngine(), Duration.ofMillis(500)).run(dir.resolve("s.json"), "s.json");
    }

    @Test
    void comparesResults(@TempDir Path dir) throws Exception {
        ScriptResult r = run(dir,
                invoke("assert_return", "seven", ", \"expected\": [{\"type\": \"i32\", \"value\": \"7\"}]"),
                invoke("assert_return", "seven", ", \"expected\": [{\"type\": \"i32\", \"value\": \"8\"}]"),
                invoke("assert_trap", "other", ", \"text\": \"unreachable\", \"expected\": []"),
                invoke("assert_trap", "other", ", \"text\": \"integer overflow\", \"expected\": []"));
        assertEquals(3, r.passed(), r.failures().toString());
        assertEquals(2, r.failed());
        assertTrue(r.failures().get(0).detail().contains("expected i32:8, got i32:7"), r.failures().toString());
    }

    @Test
    void hangingCommandIsKilledAndTheScriptGoesOn(@TempDir Path dir) throws Exception {
        ScriptResult r = run(dir, invoke("action", "hang", ""),
                invoke("assert_return", "seven", ", \"expected\": [{\"type\": \"i32\", \"value\": \"7\"}]"));
        assertEquals(2, r.passed(), r.failures().toString());
        assertEquals(1, r.failed());
        assertTrue(r.failures().get(0).detail().startsWith("timed out"), r.failures().toString());
    }

    @Test
    void commandThatIgnoresTheInterruptAbandonsTheScript(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("m.wasm"), EMPTY_MODULE);
        Files.writeString(dir.resolve("s.json"), "{\"commands\": [{\"type\": \"module\", \"line\": 1, "
                + "\"filename\": \"m.wasm\"}, " + invoke("action", "stubborn", "") + ", " + invoke("action", "seven", "")
                + "]}");
        ScriptResult r = new ScriptRunner(new FakeEngine(), Duration.ofMillis(200), Duration.ofMillis(200))
                .run(dir.resolve("s.json"), "s.json");
        assertEquals(1, r.passed(), r.failures().toString());
        assertEquals(2, r.failed());
        assertTrue(r.failures().get(0).detail().contains("abandoned"), r.failures().toString());
        assertTrue(r.failures().get(1).detail().startsWith("not run"), r.failures().toString());
    }

    @Test
    void engineBugsAreFailuresNotCrashes(@TempDir Path dir) throws Exception {
        ScriptResult r = run(dir, invoke("action", "boom", ""), invoke("action", "deep", ""),
                invoke("assert_exhaustion", "deep", ", \"text\": \"call stack exhausted\""),
                invoke("action", "seven", ""));
        assertEquals(2, r.passed(), r.failures().toString());
        assertEquals(3, r.failed());
        assertTrue(r.failures().get(0).detail().contains("engine bug"), r.failures().toString());
        assertTrue(r.failures().get(1).detail().contains("StackOverflowError"), r.failures().toString());
    }

    @Test
    void roundTripCapturesBeforeEachAction(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("m.wasm"), EMPTY_MODULE);
        Files.writeString(dir.resolve("s.json"), "{\"commands\": [{\"type\": \"module\", \"line\": 1, "
                + "\"filename\": \"m.wasm\"}, " + invoke("action", "seven", "") + "]}");
        ScriptResult r = new ScriptRunner(new FakeEngine(), Duration.ofSeconds(5)).withSnapshotRoundTrip(true)
                .run(dir.resolve("s.json"), "s.json");
        // The fake engine cannot capture its state, so the action fails where a real one restores.
        assertEquals(1, r.failed(), r.failures().toString());
        assertTrue(r.failures().get(0).detail().contains("IllegalStateException"), r.failures().toString());
    }

    @Test
    void simdAndTextModulesAreSkipped(@TempDir Path dir) throws Exception {
        ScriptResult r = run(dir,
                invoke("assert_return", "seven", ", \"expected\": [{\"type\": \"v128\", \"lane_type\": \"i32\", "
                        + "\"value\": [\"0\", \"0\", \"0\", \"0\"]}]"),
                "{\"type\": \"assert_malformed\", \"line\": 2, \"filename\": \"x.wat\", \"text\": \"unknown operator\", "
                        + "\"module_type\": \"text\"}");
        assertEquals(1, r.passed());
        assertEquals(0, r.failed());
        assertEquals(2, r.skipped());
        assertEquals(2, r.skipReasons().size());
    }
}
