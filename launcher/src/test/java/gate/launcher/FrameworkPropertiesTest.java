package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @TempDir
    Path home;

    @Test
    void substitutesTheHomeAndSetsTheConsoleMode() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/config.properties"),
                "org.osgi.framework.storage=${gate.home}/data/cache\nfelix.fileinstall.dir=${gate.home}/etc,${gate.home}/deploy\n");
        var headless = FrameworkProperties.load(new LaunchOptions(home, false, false));
        assertEquals(home + "/data/cache", headless.get("org.osgi.framework.storage"));
        assertEquals(home + "/etc," + home + "/deploy", headless.get("felix.fileinstall.dir"));
        assertEquals("--nointeractive", headless.get("gosh.args"));
        var interactive = FrameworkProperties.load(new LaunchOptions(home, true, false));
        assertFalse(interactive.containsKey("gosh.args"));
    }

    @Test
    void missingConfigurationSaysWhereItLooked() {
        var e = assertThrows(LaunchException.class, () -> FrameworkProperties.load(new LaunchOptions(home, false, false)));
        assertTrue(e.getMessage().startsWith("missing " + home.resolve("etc/config.properties")), e.getMessage());
    }
}
