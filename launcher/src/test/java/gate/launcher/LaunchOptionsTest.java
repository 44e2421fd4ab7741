package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void interactiveOnlyOnATerminal() {
        assertTrue(LaunchOptions.parse(new String[0], "/g", true).interactive());
        assertFalse(LaunchOptions.parse(new String[0], "/g", false).interactive());
        assertFalse(LaunchOptions.parse(new String[] {"--nointeractive"}, "/g", true).interactive());
    }

    @Test
    void homeIsTheGateHomeProperty() {
        assertEquals(Path.of("/opt/gate"), LaunchOptions.parse(new String[0], "/opt/gate/bin/..", false).home());
        assertEquals(Path.of("").toAbsolutePath(), LaunchOptions.parse(new String[0], null, false).home());
    }

    @Test
    void helpAndUnknownArguments() {
        assertTrue(LaunchOptions.parse(new String[] {"--help"}, null, false).help());
        var e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(new String[] {"--bogus"}, null, false));
        assertEquals("unknown argument: --bogus", e.getMessage());
    }
}
