package gate.http.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static final HttpSettings FALLBACK = new HttpSettings("127.0.0.1", 6473);

    @Test
    void absentPropertiesKeepTheFallback() {
        var checked = HttpSettings.check(Map.of(), FALLBACK);
        assertEquals(FALLBACK, checked.settings());
        assertTrue(checked.problems().isEmpty());
    }

    @Test
    void acceptsStringsAndNumbers() {
        assertEquals(new HttpSettings("localhost", 8081),
                HttpSettings.check(Map.of(HttpSettings.HOST, "localhost", HttpSettings.PORT, " 8081 "), FALLBACK).settings());
        assertEquals(new HttpSettings("::1", 65535),
                HttpSettings.check(Map.of(HttpSettings.HOST, "::1", HttpSettings.PORT, 65535L), FALLBACK).settings());
        assertEquals(new HttpSettings("10.0.0.1", 1),
                HttpSettings.check(Map.of(HttpSettings.HOST, "10.0.0.1", HttpSettings.PORT, 1), FALLBACK).settings());
    }

    @Test
    void rejectsPortsThatAreNotPorts() {
        for (Object bad : List.of("notanumber", "0", "65536", "-1", "80 80", "")) {
            var checked = HttpSettings.check(Map.of(HttpSettings.PORT, bad), FALLBACK);
            assertEquals(FALLBACK, checked.settings(), String.valueOf(bad));
            assertEquals(List.of("org.osgi.service.http.port '" + bad + "' is not a port number (1-65535)"),
                    checked.problems());
        }
    }

    @Test
    void rejectsHostsThatAreNotHosts() {
        for (String bad : List.of("", "local host", "-bad", "a..b", "host/path")) {
            var checked = HttpSettings.check(Map.of(HttpSettings.HOST, bad, HttpSettings.PORT, "7000"), FALLBACK);
            assertEquals(new HttpSettings("127.0.0.1", 7000), checked.settings(), bad);
            assertEquals(1, checked.problems().size(), bad);
        }
    }

    @Test
    void namesTheSourceFile() {
        assertEquals("/opt/gate/etc/org.apache.felix.http.cfg",
                ConfigSource.describe("x", "file:/opt/gate/etc/org.apache.felix.http.cfg"));
        assertEquals("configuration org.apache.felix.http", ConfigSource.describe("org.apache.felix.http", null));
    }
}
