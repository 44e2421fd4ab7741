package gate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    private static final Path HOME = Path.of("/opt/gate");

    @Test
    void noPortMeansConsoleOff() throws Exception {
        assertNull(ConsoleSettings.parse(Map.of(), HOME));
        assertNull(ConsoleSettings.parse(Map.of("port", " "), HOME));
    }

    @Test
    void defaultsAreUnderTheDistribution() throws Exception {
        var settings = ConsoleSettings.parse(Map.of("port", "8101"), HOME);
        assertEquals(new ConsoleSettings(8101, Path.of("/opt/gate/etc/authorized_keys"), Path.of("/opt/gate/etc/host.ser")),
                settings);
    }

    @Test
    void pathsMayBeAbsoluteOrRelative() throws Exception {
        var settings = ConsoleSettings.parse(
                Map.of("port", 2222L, "authorizedKeys", "/root/.ssh/authorized_keys", "hostKey", "data/key"), HOME);
        assertEquals(Path.of("/root/.ssh/authorized_keys"), settings.authorizedKeys());
        assertEquals(Path.of("/opt/gate/data/key"), settings.hostKey());
        assertEquals(2222, settings.port());
    }

    @Test
    void badValuesAreNamed() {
        var e = assertThrows(ConsoleSettings.BadSettingException.class,
                () -> ConsoleSettings.parse(Map.of("port", "ssh"), HOME));
        assertEquals("port 'ssh' is not a port number (1-65535)", e.getMessage());
        assertThrows(ConsoleSettings.BadSettingException.class, () -> ConsoleSettings.parse(Map.of("port", "70000"), HOME));
        assertThrows(ConsoleSettings.BadSettingException.class,
                () -> ConsoleSettings.parse(Map.of("port", "22", "authorizedKeys", " "), HOME));
        assertThrows(ConsoleSettings.BadSettingException.class,
                () -> ConsoleSettings.parse(Map.of("port", "22", "hostKey", "a\0b"), HOME));
    }
}
