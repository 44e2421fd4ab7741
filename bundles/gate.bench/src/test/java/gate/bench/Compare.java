package gate.bench;

import gate.engine.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same benchmark files on a Gate engine and on Chicory's interpreter in one JVM, prints
 * the {@code bench} lines of both, then a table of per-kernel ratios (Gate median / Chicory median;
 * below 1 means Gate is faster) and their geometric mean. Usage: {@code Compare [--engine NAME]
 * [--runs N] FILE.wasm...}; see {@code testdata/bench/compare.sh}.
 */
public final class Compare {
    private Compare() {}

    public static void main(String[] args) throws Exception {
        String engine = "interp";
        int runs = 5;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        BenchTarget gate = new GateTarget(Engines.find(engine));
        BenchTarget chicory = new ChicoryTarget();
        List<Measurement[]> pairs = new ArrayList<>();
        for (Path file : files) {
            String display = file.getFileName().toString();
            Measurement g = Bench.measure(gate, file, display, "run", runs);
            System.out.println(g.line());
            Measurement c = Bench.measure(chicory, file, display, "run", runs);
            System.out.println(c.line());
            pairs.add(new Measurement[] {g, c});
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| kernel | %s median ms | chicory median ms | ratio %s/chicory |%n", engine, engine);
        System.out.println("|---|---:|---:|---:|");
        double logSum = 0;
        for (Measurement[] p : pairs) {
            double ratio = p[0].medianMs() / p[1].medianMs();
            logSum += Math.log(ratio);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", p[0].file(), p[0].medianMs(),
                    p[1].medianMs(), ratio);
        }
        System.out.printf(Locale.ROOT, "| geometric mean | | | %.2f |%n", Math.exp(logSum / pairs.size()));
    }
}
