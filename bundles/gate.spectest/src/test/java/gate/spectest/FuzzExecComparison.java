package gate.spectest;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the lines of a {@link FuzzExecRun} with binaryen's. Numbers compare by value (floats
 * with a relative tolerance, because binaryen prints shortest decimal forms; every NaN equals every
 * NaN); traps compare only by being traps (binaryen has its own messages); references are not
 * compared. A call-stack trap on either side ends the comparison, because the two interpreters'
 * depth limits differ and so may everything after.
 */
final class FuzzExecComparison {
    private FuzzExecComparison() {}

    /** Null when the runs agree, else the first difference. */
    static String firstDifference(List<String> expected, List<String> got) {
        int n = Math.min(expected.size(), got.size());
        for (int i = 0; i < n; i++) {
            String e = expected.get(i);
            String g = got.get(i);
            if (isStackTrap(e) || isStackTrap(g)) {
                return null;
            }
            if (!sameLine(e, g)) {
                return "line " + (i + 1) + ": binaryen \"" + e + "\", gate \"" + g + "\"";
            }
        }
        if (expected.size() != got.size()) {
            String next = expected.size() > n ? "binaryen \"" + expected.get(n) + "\"" : "gate \"" + got.get(n) + "\"";
            return "line " + (n + 1) + ": only " + next;
        }
        return null;
    }

    private static boolean isStackTrap(String line) {
        return line.startsWith("[trap") && (line.contains("stack") || line.contains("recursion"));
    }

    static boolean sameLine(String e, String g) {
        if (e.startsWith("[trap") || g.startsWith("[trap")) {
            return e.startsWith("[trap") && g.startsWith("[trap");
        }
        String logPrefix = "[LoggingExternalInterface logging ";
        if (e.startsWith(logPrefix) && g.startsWith(logPrefix)) {
            return sameLog(strip(e, logPrefix), strip(g, logPrefix));
        }
        String resultPrefix = "[fuzz-exec] note result: ";
        if (e.startsWith(resultPrefix) && g.startsWith(resultPrefix)) {
            String eBody = e.substring(resultPrefix.length());
            String gBody = g.substring(resultPrefix.length());
            int ea = eBody.indexOf(" => ");
            int ga = gBody.indexOf(" => ");
            return ea > 0 && ga > 0 && eBody.substring(0, ea).equals(gBody.substring(0, ga))
                    && sameValues(tuple(eBody.substring(ea + 4)), tuple(gBody.substring(ga + 4)));
        }
        return e.equals(g);
    }

    private static String strip(String line, String prefix) {
        return line.substring(prefix.length(), line.length() - 1);
    }

    /** A log-i64 value may be printed as one number or as low and high 32-bit halves. */
    private static boolean sameLog(String e, String g) {
        String[] parts = e.trim().split(" ");
        if (parts.length == 2) {
            try {
                long low = Long.parseLong(parts[0]) & 0xffff_ffffL;
                long high = Long.parseLong(parts[1]);
                return Long.toString((high << 32) | low).equals(g.trim());
            } catch (NumberFormatException ex) {
                return false;
            }
        }
        return sameValue(e.trim(), g.trim());
    }

    private static List<String> tuple(String text) {
        String t = text.trim();
        if (t.startsWith("(") && t.endsWith(")")) {
            List<String> parts = new ArrayList<>();
            for (String p : t.substring(1, t.length() - 1).split(",")) {
                parts.add(p.trim());
            }
            return parts;
        }
        return List.of(t);
    }

    private static boolean sameValues(List<String> e, List<String> g) {
        if (e.size() != g.size()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            if (!sameValue(e.get(i), g.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(String e, String g) {
        if (e.equals(g)) {
            return true;
        }
        Long el = integer(e);
        Long gl = integer(g);
        if (el != null && gl != null) {
            return el.equals(gl);
        }
        Double ed = number(e);
        Double gd = number(g);
        if (ed == null || gd == null) {
            // References and other non-numbers: binaryen prints its own names; not compared.
            return ed == null && gd == null;
        }
        if (ed.isNaN() || gd.isNaN()) {
            return ed.isNaN() && gd.isNaN();
        }
        if (ed.isInfinite() || gd.isInfinite()) {
            return ed.equals(gd);
        }
        double scale = Math.max(Math.abs(ed), Math.abs(gd));
        return Math.abs(ed - gd) <= scale * 1e-6 || scale < Float.MIN_NORMAL && Math.abs(ed - gd) < 1e-300;
    }

    private static Long integer(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("nan") || t.startsWith("-nan")) {
            return Double.NaN;
        }
        if (t.equals("inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf") || t.equals("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
