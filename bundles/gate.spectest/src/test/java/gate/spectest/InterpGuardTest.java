package gate.spectest;

import gate.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's time guard against the real interpreter: an endless loop is killed and the script
 * goes on. A killed interp instance stays dead (its state is gone), so the script continues with a
 * new module.
 */
class InterpGuardTest {
    /** {@code (module (func (export "loop") (loop (br 0))) (func (export "nop")))}, assembled by hand. */
    private static final byte[] LOOP_MODULE = {
        0, 'a', 's', 'm', 1, 0, 0, 0,
        1, 4, 1, 0x60, 0, 0, // type section: [] -> []
        3, 3, 2, 0, 0, // function section: two functions of type 0
        7, 14, 2, 4, 'l', 'o', 'o', 'p', 0, 0, 3, 'n', 'o', 'p', 0, 1, // exports
        10, 12, 2, // code section, two bodies
        7, 0, 3, 0x40, 0x0c, 0, 0x0b, 0x0b, // loop (br 0) end end
        2, 0, 0x0b // end
    };

    @Test
    void endlessLoopIsKilledAndTheScriptGoesOn(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("m.wasm"), LOOP_MODULE);
        Files.writeString(dir.resolve("s.json"), """
                {"commands": [
                  {"type": "module", "line": 1, "filename": "m.wasm"},
                  {"type": "action", "line": 2, "action": {"type": "invoke", "field": "loop", "args": []}},
                  {"type": "module", "line": 3, "filename": "m.wasm"},
                  {"type": "assert_return", "line": 4, "action": {"type": "invoke", "field": "nop", "args": []},
                   "expected": []}
                ]}""");
        ScriptResult r = new ScriptRunner(Engines.find("interp"), Duration.ofMillis(500))
                .run(dir.resolve("s.json"), "s.json");
        assertEquals(3, r.passed(), r.failures().toString());
        assertEquals(1, r.failed());
        assertTrue(r.failures().get(0).detail().startsWith("timed out after 0 s (interrupted with KILLED; "),
                r.failures().get(0).detail());
        assertTrue(r.failures().get(0).detail().contains("killed"), r.failures().get(0).detail());
    }
}
