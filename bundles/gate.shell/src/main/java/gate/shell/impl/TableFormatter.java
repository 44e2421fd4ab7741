package gate.shell.impl;

import java.util.List;

/**
 * Formats a {@link ServiceTable} as left-aligned columns under a header; the reason of a rejected
 * service comes last so that long reasons do not widen the other columns. Stateless.
 */
final class TableFormatter {
    private static final List<String> HEADER = List.of("NAME", "REVISION", "BUNDLE", "STATE", "REASON");
    private static final String GAP = "  ";

    private TableFormatter() {}

    static String format(ServiceTable table) {
        if (table.rows().isEmpty()) {
            return "No services are registered.";
        }
        int[] widths = new int[HEADER.size() - 1];
        measure(widths, HEADER);
        for (ServiceRow row : table.rows()) {
            measure(widths, cells(row));
        }
        StringBuilder out = new StringBuilder();
        line(out, widths, HEADER);
        for (ServiceRow row : table.rows()) {
            out.append('\n');
            line(out, widths, cells(row));
        }
        return out.toString();
    }

    private static List<String> cells(ServiceRow row) {
        return List.of(row.name(), row.revision(), row.bundle(), row.state(), row.reason());
    }

    private static void measure(int[] widths, List<String> cells) {
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void line(StringBuilder out, int[] widths, List<String> cells) {
        int start = out.length();
        for (int i = 0; i < widths.length; i++) {
            out.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(GAP);
        }
        out.append(cells.get(widths.length));
        // No trailing blanks on lines without a reason.
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }
}
