package gate.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP response decided without touching the servlet API, so the rules of Gate's web API
 * can be unit-tested as plain functions.
 *
 * @param status HTTP status code
 * @param headers response headers to set (besides {@code Content-Length}, which follows the body)
 * @param body response body; a HEAD request gets the headers of the same reply without it
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    private static final String TEXT = "text/plain; charset=utf-8";

    public Reply {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A 200 reply with a JSON body. */
    public static Reply json(String json) {
        return new Reply(200, Map.of("Content-Type", "application/json"), utf8(json));
    }

    /** An error reply with a one-line text body, as Gate sends to clients that accept text (§7.2). */
    public static Reply error(int status, String message) {
        return new Reply(status, Map.of("Content-Type", TEXT), utf8(message + "\n"));
    }

    /** An error reply that also carries one extra header (such as {@code Allow} on 405). */
    public static Reply error(int status, String message, String header, String value) {
        return new Reply(status, Map.of("Content-Type", TEXT, header, value), utf8(message + "\n"));
    }

    /** A reply without body. */
    public static Reply empty(int status, String header, String value) {
        return new Reply(status, Map.of(header, value), new byte[0]);
    }

    /** The body as text (for tests and logs). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
