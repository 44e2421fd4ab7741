package gate.spectest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one list of spec-suite commands known to fail on an engine, each with a reason: lines of
 * {@code <script>:<line> <reason>} in {@code spectest-exclusions.txt}, {@code #} starts a comment.
 * An excluded command still runs and is still reported; it only does not fail the build.
 */
final class Exclusions {
    static final String RESOURCE = "/spectest-exclusions.txt";

    private final Map<String, String> reasons;

    private Exclusions(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    static Exclusions load() throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = Exclusions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Exclusions(reasons);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int space = entry.indexOf(' ');
                if (space < 0 || !entry.substring(0, space).matches(".+\\.json:\\d+")) {
                    throw new IOException(RESOURCE + ":" + number + ": expected '<script>:<line> <reason>'");
                }
                reasons.put(entry.substring(0, space), entry.substring(space + 1).strip());
            }
        }
        return new Exclusions(reasons);
    }

    /** The reason a failure is excluded, or null when it is not. */
    String reason(Failure f) {
        return reasons.get(f.script() + ":" + f.line());
    }

    /** Entries for a script, to spot stale ones. */
    long countFor(String script) {
        return reasons.keySet().stream().filter(k -> k.startsWith(script + ":")).count();
    }
}
