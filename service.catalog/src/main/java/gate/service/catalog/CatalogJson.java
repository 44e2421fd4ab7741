package gate.service.catalog;

import gate.api.ServiceInfo;
import java.util.List;

/**
 * Writes the catalog reply {@code {"services":[{"name":..,"revision":..},...]}}.
 *
 * <p>The indented form matches the reference catalog's output byte for byte (architecture
 * reference §6.4: "sorted, tab-indented", i.e. Go's {@code json.MarshalIndent(v, "", "\t")}),
 * including its escaping of {@code <}, {@code >}, {@code &}, U+2028 and U+2029, so programs written
 * for it parse the same text. Stateless.
 */
final class CatalogJson {
    private CatalogJson() {}

    /** Tab-indented JSON of the services, in the given order. */
    static String indented(List<ServiceInfo> services) {
        if (services.isEmpty()) {
            return "{\n\t\"services\": []\n}";
        }
        StringBuilder out = new StringBuilder("{\n\t\"services\": [\n");
        for (int i = 0; i < services.size(); i++) {
            ServiceInfo service = services.get(i);
            out.append("\t\t{\n\t\t\t\"name\": ");
            string(out, service.name());
            out.append(",\n\t\t\t\"revision\": ");
            string(out, service.revision());
            out.append(i + 1 < services.size() ? "\n\t\t},\n" : "\n\t\t}\n");
        }
        return out.append("\t]\n}").toString();
    }

    /** The same JSON without whitespace, for when the indented form does not fit in a packet. */
    static String compact(List<ServiceInfo> services) {
        StringBuilder out = new StringBuilder("{\"services\":[");
        for (int i = 0; i < services.size(); i++) {
            ServiceInfo service = services.get(i);
            out.append(i == 0 ? "{\"name\":" : ",{\"name\":");
            string(out, service.name());
            out.append(",\"revision\":");
            string(out, service.revision());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
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
