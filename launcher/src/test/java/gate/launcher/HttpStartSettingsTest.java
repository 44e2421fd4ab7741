package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpStartSettingsTest {

    @TempDir
    Path etc;

    @Test
    void httpWaitsForTheConfigurationFileWhenThereIsOne() throws Exception {
        var properties = new HashMap<String, String>();
        HttpStartSettings.apply(etc, properties);
        assertFalse(properties.containsKey(HttpStartSettings.ENABLE));
        Files.writeString(etc.resolve(HttpStartSettings.FILE), "org.osgi.service.http.port=8081\n");
        HttpStartSettings.apply(etc, properties);
        assertEquals("false", properties.get(HttpStartSettings.ENABLE));
    }
}
