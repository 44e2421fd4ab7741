package gate.http;

import java.util.List;

/** The little JSON this bundle writes; strings are escaped per RFC 8259 §7. */
final class Json {

    private Json() {}

    /** A JSON array of strings, without whitespace (as Go's encoding/json writes it). */
    static String stringArray(List<String> items) {
        var out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, items.get(i));
        }
        return out.append(']').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
