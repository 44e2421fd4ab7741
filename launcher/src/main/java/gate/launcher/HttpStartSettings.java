package gate.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes Jetty start once, on the settings of {@code etc/org.apache.felix.http.cfg}. Felix HTTP
 * starts Jetty with the framework properties and restarts it when Config Admin delivers that file,
 * so for a moment it would listen where the user did not ask, and the start-up line would name a
 * port that is about to close. When the file exists, HTTP is therefore disabled in the framework
 * properties; gate.http's configuration plugin enables it in the configuration it passes on.
 */
final class HttpStartSettings {

    static final String FILE = "org.apache.felix.http.cfg";
    static final String ENABLE = "org.apache.felix.http.enable";

    private HttpStartSettings() {}

    static void apply(Path etc, Map<String, String> properties) {
        if (Files.isRegularFile(etc.resolve(FILE))) {
            properties.put(ENABLE, "false");
        }
    }
}
