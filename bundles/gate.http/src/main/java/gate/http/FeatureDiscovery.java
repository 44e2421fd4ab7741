package gate.http;

import java.util.List;

/**
 * The API root {@code /gate-0/}: tells clients which optional features this server has
 * (gate-architecture.md §7.2, the Go server's {@code api.Features}).
 *
 * <p>{@code GET|HEAD /gate-0/} answers {@code {}}; with {@code feature=scope} or {@code feature=*}
 * it lists the supported authorization scopes. An unknown feature is 501, any other or repeated
 * parameter 400.
 */
public final class FeatureDiscovery {

    /** The methods this resource answers, as sent in {@code Allow}. */
    public static final String ALLOW = "GET, HEAD, OPTIONS";

    /** Scopes a token may request; the only one the original server registers (§7.4). */
    private static final List<String> SCOPES = List.of("program:system");

    private static final String FEATURE = "feature";

    /**
     * Answers one request to {@code /gate-0/}.
     *
     * @param method the HTTP method, as sent
     * @param rawQuery the raw query string, or null
     */
    public Reply handle(String method, String rawQuery) {
        return switch (method) {
            case "GET", "HEAD" -> features(rawQuery);
            case "OPTIONS" -> Reply.empty(204, "Allow", ALLOW);
            default -> Reply.error(405, "method not allowed", "Allow", ALLOW);
        };
    }

    private Reply features(String rawQuery) {
        QueryParameters query;
        try {
            query = QueryParameters.parse(rawQuery);
        } catch (QueryParameters.BadQueryException e) {
            return Reply.error(400, e.getMessage());
        }
        for (String name : query.names()) {
            if (!name.equals(FEATURE)) {
                return Reply.error(400, "unsupported query parameter: " + name);
            }
        }
        List<String> features = query.all(FEATURE);
        if (features.size() > 1) {
            return Reply.error(400, "duplicate query parameter: " + FEATURE);
        }
        if (features.isEmpty()) {
            return Reply.json("{}");
        }
        return switch (features.get(0)) {
            case "scope", "*" -> Reply.json("{\"scope\":" + Json.stringArray(SCOPES) + "}");
            default -> Reply.error(501, "unsupported feature");
        };
    }
}
