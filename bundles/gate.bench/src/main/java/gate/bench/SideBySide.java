package gate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one file on several contenders in one window: after each has prepared the file, the
 * calls are interleaved round by round (each round calls every contender once, starting one
 * contender later than the round before), so that every engine samples the same phases of a
 * shared machine. Timing engine after engine instead let one engine run in a slow phase and the
 * next in a fast one (testdata/bench/README.md, "Noise").
 */
final class SideBySide {
    private final List<Contender> contenders;
    private final String function;
    private final int warmup;
    private final int runs;

    SideBySide(List<Contender> contenders, String function, int warmup, int runs) {
        this.contenders = List.copyOf(contenders);
        this.function = function;
        this.warmup = warmup;
        this.runs = runs;
    }

    /** A contender's work on the current file. */
    private static final class Entry {
        final Contender contender;
        final Contender.Prepared prepared;
        final double[] times;
        long result;
        boolean failed;

        Entry(Contender contender, Contender.Prepared prepared, int runs) {
            this.contender = contender;
            this.prepared = prepared;
            this.times = new double[runs];
        }
    }

    /**
     * The measurements of every contender that ran {@code file} to the end, and the failures of
     * the others, each in contender order. A contender that fails is not called again.
     *
     * @throws IOException when {@code NAME.expected} beside the file cannot be read
     */
    Result measure(Path file, String display) throws IOException {
        Long expected = Bench.expected(file);
        List<Entry> entries = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Contender c : contenders) {
            try {
                entries.add(new Entry(c, c.prepare(file, function), runs));
            } catch (IOException | RuntimeException e) {
                failures.add(new Failure(c.name(), e));
            }
        }
        int n = entries.size();
        for (int round = -warmup; round < runs; round++) {
            int first = Math.floorMod(round, Math.max(n, 1));
            for (int k = 0; k < n; k++) {
                Entry e = entries.get((first + k) % n);
                if (e.failed) {
                    continue;
                }
                try {
                    Contender.Sample s = e.prepared.call();
                    if (expected != null && s.result() != expected) {
                        throw new IllegalStateException("checksum " + Long.toUnsignedString(s.result()) + ", expected "
                                + Long.toUnsignedString(expected));
                    }
                    if (round >= 0) {
                        e.times[round] = s.ms();
                    }
                    e.result = s.result();
                } catch (IOException | RuntimeException x) {
                    failures.add(new Failure(e.contender.name(), x));
                    e.failed = true;
                }
            }
        }
        List<Measurement> measured = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.failed) {
                measured.add(Measurement.of(display, e.contender.name(), e.prepared.compileMs(), e.times, e.result));
            }
        }
        return new Result(measured, failures);
    }

    /** What {@link #measure} returns. */
    record Result(List<Measurement> measurements, List<Failure> failures) {}

    /** Why {@code engine} stopped on a file: a failed prepare or call, or a wrong checksum. */
    record Failure(String engine, Exception cause) {}
}
