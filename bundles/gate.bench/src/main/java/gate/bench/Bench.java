package gate.bench;

import gate.wasm.GateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures one benchmark file on one target: compiles once, then runs the function {@code runs}
 * times, each on a fresh instance, timing only the call. When a file {@code NAME.expected} lies
 * beside {@code NAME.wasm}, every result must equal the checksum in it.
 */
public final class Bench {
    private Bench() {}

    /**
     * @throws IOException when the file cannot be read
     * @throws GateException when the module is malformed or invalid
     * @throws IllegalStateException when a result differs from the expected checksum or a run failed
     */
    public static Measurement measure(BenchTarget target, Path file, String display, String function, int runs)
            throws IOException {
        return measure(target, file, display, function, 0, runs);
    }

    /**
     * Like {@link #measure(BenchTarget, Path, String, String, int)}, after {@code warmup} runs that
     * are checked but not timed: engines that compile or warm up on first use (a JIT on the host
     * side, lazy tiers) are then compared at their steady state, as engines.sh does for every engine.
     */
    public static Measurement measure(BenchTarget target, Path file, String display, String function, int warmup,
            int runs) throws IOException {
        SideBySide.Result result = new SideBySide(List.of(new TargetContender(target)), function, warmup, runs)
                .measure(file, display);
        if (result.failures().isEmpty()) {
            return result.measurements().get(0);
        }
        Exception cause = result.failures().get(0).cause();
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof GateException invalid) {
            throw invalid;
        }
        throw new IllegalStateException(display + " on " + target.name() + ": " + cause.getMessage(), cause);
    }

    /** The checksum in {@code NAME.expected} beside {@code NAME.wasm}, or null when there is none. */
    static Long expected(Path wasm) throws IOException {
        String name = wasm.getFileName().toString();
        Path file = wasm.resolveSibling(name.replaceFirst("\\.wasm$", "") + ".expected");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not an unsigned decimal checksum: " + text, e);
        }
    }
}
