package gate.http.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the HTTP server listens, read from the Felix HTTP Jetty configuration (PID
 * {@value #PID}) and checked before Jetty sees it: Jetty silently falls back to port 8080 on a
 * value it cannot parse, which would expose the API where nobody asked for it.
 *
 * @param host the interface address or name to bind
 * @param port the TCP port, 1 to 65535
 */
public record HttpSettings(String host, int port) {

    /** The configuration PID of Felix HTTP Jetty. */
    public static final String PID = "org.apache.felix.http";

    /** Felix HTTP's property for the interface to bind. */
    public static final String HOST = "org.apache.felix.http.host";

    /** Felix HTTP's switch for the HTTP connector. */
    public static final String ENABLE = "org.apache.felix.http.enable";

    /** The OSGi HTTP property for the port. */
    public static final String PORT = "org.osgi.service.http.port";

    /** Loopback only, on Gate's default port. */
    public static final HttpSettings DEFAULT = new HttpSettings("127.0.0.1", 6473);

    // RFC 1123 host names, and IPv4/IPv6 literals (hex digits, dots, colons, optional zone).
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IP6_LITERAL = Pattern.compile("(?i)\\[?[0-9a-f:.]+(%[a-z0-9]+)?]?");

    /**
     * The outcome of checking a configuration: the settings to use and what was wrong.
     *
     * @param settings the valid values of the configuration, the fallback's for the others
     * @param problems one sentence per rejected property; empty if all is well
     */
    public record Checked(HttpSettings settings, List<String> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Checks the host and port of a configuration.
     *
     * @param properties the configuration properties (values as Config Admin delivers them)
     * @param fallback the settings to keep for a property that is absent or invalid
     */
    public static Checked check(Map<String, ?> properties, HttpSettings fallback) {
        var problems = new ArrayList<String>();
        String host = fallback.host();
        int port = fallback.port();
        Object hostValue = properties.get(HOST);
        if (hostValue != null) {
            String h = String.valueOf(hostValue).strip();
            if (HOST_NAME.matcher(h).matches() || (h.contains(":") && IP6_LITERAL.matcher(h).matches())) {
                host = h;
            } else {
                problems.add(HOST + " '" + hostValue + "' is not a host name or IP address");
            }
        }
        Object portValue = properties.get(PORT);
        if (portValue != null) {
            int p = parsePort(portValue);
            if (p > 0) {
                port = p;
            } else {
                problems.add(PORT + " '" + portValue + "' is not a port number (1-65535)");
            }
        }
        return new Checked(new HttpSettings(host, port), problems);
    }

    private static int parsePort(Object value) {
        try {
            long p = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            return p >= 1 && p <= 65535 ? (int) p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
