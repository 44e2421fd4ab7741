package gate.bench;

import java.util.Locale;

/**
 * What one benchmark file measured on one target. Times are in milliseconds.
 *
 * @param result the checksum the last run returned
 */
public record Measurement(String file, String engine, double compileMs, double minMs, double medianMs, int runs,
        long result) {

    /** The report line: {@code bench <file> engine=<name> compile_ms=<x> min_ms=<x> median_ms=<x> runs=<n>}. */
    public String line() {
        return String.format(Locale.ROOT, "bench %s engine=%s compile_ms=%.1f min_ms=%.1f median_ms=%.1f runs=%d",
                file, engine, compileMs, minMs, medianMs, runs);
    }
}
