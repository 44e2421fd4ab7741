package gate.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The framework properties of {@code gate serve}: {@code etc/config.properties}, where
 * {@code ${gate.home}} stands for the distribution folder, then the HTTP host and port of
 * {@code etc/org.apache.felix.http.cfg} and the console mode.
 */
final class FrameworkProperties {

    /** Property listing start levels by symbolic-name prefix, see {@link StartLevelRules}. */
    static final String START_LEVELS = "gate.startlevels";

    /** Gogo jline's arguments for the console it starts on standard input (pitfall P6). */
    static final String GOSH_ARGS = "gosh.args";

    private FrameworkProperties() {}

    static Map<String, String> load(LaunchOptions options) throws LaunchException {
        Path file = options.home().resolve("etc").resolve("config.properties");
        var raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (NoSuchFileException e) {
            throw new LaunchException("missing " + file + " (is gate.home the distribution folder?)");
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("cannot read " + file, e);
        }
        String home = options.home().toString();
        var properties = new HashMap<String, String>();
        for (String name : raw.stringPropertyNames()) {
            properties.put(name, raw.getProperty(name).replace("${gate.home}", home));
        }
        HttpStartSettings.apply(options.home().resolve("etc"), properties);
        if (!options.interactive()) {
            // Without a console gogo.jline would read EOF and stop the framework (pitfall P6).
            properties.put(GOSH_ARGS, "--nointeractive");
        }
        return properties;
    }
}
