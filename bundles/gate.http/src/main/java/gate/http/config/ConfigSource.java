package gate.http.config;

import java.net.URI;
import java.nio.file.Path;

/** Names where a configuration came from, for log lines a person can act on. */
public final class ConfigSource {

    /** The property FileInstall adds to each configuration it creates from a file. */
    public static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private ConfigSource() {}

    /**
     * The file a configuration was read from, or a description of the PID if it was not read from
     * a file.
     *
     * @param pid the configuration's PID
     * @param fileName the value of {@value #FILEINSTALL_FILENAME}, or null
     */
    public static String describe(String pid, Object fileName) {
        if (fileName == null) {
            return "configuration " + pid;
        }
        String name = String.valueOf(fileName);
        try {
            return name.startsWith("file:") ? Path.of(URI.create(name)).toString() : name;
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
