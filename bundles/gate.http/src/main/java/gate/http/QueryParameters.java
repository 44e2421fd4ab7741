package gate.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a request's raw query string, in order, with every value of repeated names
 * kept so that callers can reject duplicates (§7.2: duplicate params are a bad request).
 */
public final class QueryParameters {

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} query.
     *
     * @param rawQuery the query as sent, without {@code ?}; null or empty means none
     * @throws BadQueryException if a name or value is not valid percent-encoding
     */
    public static QueryParameters parse(String rawQuery) throws BadQueryException {
        var map = new LinkedHashMap<String, List<String>>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue; // "a=1&&b=2" and a trailing "&" carry no parameter
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(map);
    }

    /** Whether the query has no parameter at all. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The names present, in order of first appearance. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Every value given for {@code name}, in order; empty if absent. */
    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    private static String decode(String s) throws BadQueryException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("malformed query string");
        }
    }

    /** The query string cannot be decoded. */
    public static final class BadQueryException extends Exception {
        private static final long serialVersionUID = 1L;

        BadQueryException(String message) {
            super(message);
        }
    }
}
