package gate.http;

import java.util.Map;

/**
 * Routes a request below {@code /gate-0} to the resource that answers it. Only the API root exists
 * so far; the module and instance resources of §7.2 come with the broker.
 */
public final class WebApi {

    /** The API's base path (§7.2). */
    public static final String BASE = "/gate-0/";

    private final FeatureDiscovery discovery = new FeatureDiscovery();

    /**
     * Answers one request.
     *
     * @param method the HTTP method
     * @param pathInfo the path below {@code /gate-0}, such as {@code /} (null for {@code /gate-0})
     * @param rawQuery the raw query string, or null
     */
    public Reply handle(String method, String pathInfo, String rawQuery) {
        if (pathInfo == null || pathInfo.isEmpty()) {
            // Like Go's ServeMux for a pattern ending in a slash.
            return new Reply(301, Map.of("Location", BASE), new byte[0]);
        }
        if (pathInfo.equals("/")) {
            return discovery.handle(method, rawQuery);
        }
        return Reply.error(404, "not found");
    }
}
