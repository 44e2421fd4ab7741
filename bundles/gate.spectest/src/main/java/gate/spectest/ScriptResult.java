package gate.spectest;

import java.util.List;
import java.util.Map;

/**
 * The counts of one script run.
 *
 * @param skipReasons each distinct skip reason with how many commands it skipped
 */
public record ScriptResult(
        String script, int passed, int failed, int skipped, List<Failure> failures, Map<String, Integer> skipReasons) {
    public ScriptResult {
        failures = List.copyOf(failures);
        skipReasons = Map.copyOf(skipReasons);
    }

    /** The report line, e.g. {@code core/i32/i32.json: 460 passed, 0 failed, 0 skipped}. */
    public String summary() {
        String line = script + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
        return skipReasons.isEmpty() ? line : line + " " + skipReasons.keySet().stream().sorted().toList();
    }
}
