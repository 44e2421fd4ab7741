package gate.console;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The SSH console's configuration (PID {@value #PID}): the console is on only when {@code port}
 * is set; it always binds the loopback interface.
 *
 * @param port the TCP port, 1 to 65535
 * @param authorizedKeys the OpenSSH {@code authorized_keys} file whose keys may log in
 * @param hostKey where the server's key pair is kept (created on first start)
 */
public record ConsoleSettings(int port, Path authorizedKeys, Path hostKey) {

    /** The configuration PID. */
    public static final String PID = "gate.console";

    /** Property: the port; absent means the console is off. */
    public static final String PORT = "port";

    /** Property: the authorized keys file, relative to the distribution folder unless absolute. */
    public static final String AUTHORIZED_KEYS = "authorizedKeys";

    /** Property: the host key file, relative to the distribution folder unless absolute. */
    public static final String HOST_KEY = "hostKey";

    /** The interface the console listens on: never reachable from another machine. */
    public static final String HOST = "127.0.0.1";

    static final String DEFAULT_AUTHORIZED_KEYS = "etc/authorized_keys";
    static final String DEFAULT_HOST_KEY = "etc/host.ser";

    /** A configuration value that cannot be used; the message names the property and the reason. */
    public static final class BadSettingException extends Exception {
        private static final long serialVersionUID = 1L;

        BadSettingException(String message) {
            super(message);
        }
    }

    /**
     * Reads the settings from configuration properties.
     *
     * @param properties the configuration (values as Config Admin delivers them)
     * @param home the folder relative paths are resolved against
     * @return the settings, or null if no port is set (console off)
     * @throws BadSettingException if a value is present but unusable
     */
    public static ConsoleSettings parse(Map<String, ?> properties, Path home) throws BadSettingException {
        Object portValue = properties.get(PORT);
        if (portValue == null || String.valueOf(portValue).isBlank()) {
            return null;
        }
        int port = parsePort(portValue);
        Path keys = path(properties, AUTHORIZED_KEYS, DEFAULT_AUTHORIZED_KEYS, home);
        Path hostKey = path(properties, HOST_KEY, DEFAULT_HOST_KEY, home);
        return new ConsoleSettings(port, keys, hostKey);
    }

    private static int parsePort(Object value) throws BadSettingException {
        try {
            long p = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            if (p >= 1 && p <= 65535) {
                return (int) p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSettingException(PORT + " '" + value + "' is not a port number (1-65535)");
    }

    private static Path path(Map<String, ?> properties, String name, String fallback, Path home)
            throws BadSettingException {
        Object value = properties.get(name);
        String text = value == null ? fallback : String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw new BadSettingException(name + " is empty");
        }
        try {
            return home.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new BadSettingException(name + " '" + value + "' is not a file name: " + e.getReason());
        }
    }
}
