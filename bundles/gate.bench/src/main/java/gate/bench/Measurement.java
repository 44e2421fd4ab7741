package gate.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one benchmark file measured on one target. Times are in milliseconds.
 *
 * @param compileMs compile or load time, NaN when the target compiles nothing (a native build)
 * @param result the checksum the last run returned
 */
public record Measurement(String file, String engine, double compileMs, double minMs, double medianMs, int runs,
        long result) {

    /** The measurement of the timed runs {@code times} (at least one). */
    static Measurement of(String file, String engine, double compileMs, double[] times, long result) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Measurement(file, engine, compileMs, sorted[0], median, n, result);
    }

    /**
     * The report line: {@code bench <file> engine=<name> compile_ms=<x> min_ms=<x> median_ms=<x> runs=<n>}
     * ({@code compile_ms=-} when nothing was compiled).
     */
    public String line() {
        String compile = Double.isNaN(compileMs) ? "-" : String.format(Locale.ROOT, "%.1f", compileMs);
        return String.format(Locale.ROOT, "bench %s engine=%s compile_ms=%s min_ms=%.1f median_ms=%.1f runs=%d",
                file, engine, compile, minMs, medianMs, runs);
    }
}
