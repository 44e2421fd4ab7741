package gate.bench;

import gate.engine.Engines;
import gate.wasm.GateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line: {@code gate bench FILE.wasm... [--engine NAME | --engines A,B,...] [--runs N] [--warmup N]
 * [--function NAME] [--node PATH]}. With one engine it prints exactly one {@code bench ...} line per
 * file on standard output; with {@code --engines} one line per file and engine, measured side by
 * side ({@link SideBySide}), then a table of ratios ({@link RatioTable}). Checksums and errors go to
 * standard error. Exit status: 0 success, 1 a file failed (bad checksum, trap, invalid module,
 * missing peer), 2 usage error.
 */
public final class Main {
    private static final String USAGE = """
            usage: gate bench FILE.wasm... [--engine NAME | --engines A,B,...] [--runs N] [--warmup N]
                                  [--function NAME] [--node PATH]
              Compiles each file once and runs FUNCTION N times on fresh instances, timing the call only.
              --engine    engine name (default interp)
              --engines   several engines side by side, their calls interleaved round by round so that
                          each sees the same machine; Gate engines by name, and peers:
                            gcc-O2        the native build native/NAME beside NAME.wasm (run with --time)
                            node-liftoff  node with V8's single-pass tier alone (--liftoff-only)
                            node          node with V8's defaults (Liftoff, then TurboFan)
                          then prints a table of medians and ratios to the first engine, and of each
                          Gate engine to each other peer (below 1: the Gate engine is faster)
              --runs      timed runs per file and engine (default 5)
              --warmup    untimed runs per file and engine before them (default 0)
              --function  exported function without parameters to run (default run)
              --node      the node command for the node peers (default node)
              If NAME.expected lies beside NAME.wasm, each result must equal the checksum in it.
              Output: bench <file> engine=<name> compile_ms=<x> min_ms=<x> median_ms=<x> runs=<n>""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        String engineName = "interp";
        List<String> sideBySide = null;
        String node = "node";
        String function = "run";
        int runs = 5;
        int warmup = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--engine" -> engineName = value(args, ++i);
                    case "--engines" -> sideBySide = engineList(value(args, ++i));
                    case "--node" -> node = value(args, ++i);
                    case "--function" -> function = value(args, ++i);
                    case "--runs" -> {
                        runs = Integer.parseInt(value(args, ++i));
                        if (runs < 1) {
                            throw new IllegalArgumentException("--runs must be at least 1");
                        }
                    }
                    case "--warmup" -> {
                        warmup = Integer.parseInt(value(args, ++i));
                        if (warmup < 0) {
                            throw new IllegalArgumentException("--warmup must be at least 0");
                        }
                    }
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(args[i]);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no FILE.wasm given");
            }
        } catch (IllegalArgumentException e) {
            err.println("gate bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (sideBySide != null) {
            return sideBySide(sideBySide, node, files, function, warmup, runs, out, err);
        }
        BenchTarget target;
        try {
            target = new GateTarget(Engines.find(engineName));
        } catch (IllegalArgumentException e) {
            err.println("gate bench: " + e.getMessage());
            return 2;
        }
        int status = 0;
        for (String file : files) {
            try {
                Measurement m = Bench.measure(target, Path.of(file), file, function, warmup, runs);
                out.println(m.line());
                err.println(file + ": result " + Long.toUnsignedString(m.result()));
            } catch (IOException | GateException | IllegalStateException e) {
                err.println("gate bench: " + file + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** The names of --engines: at least two, none twice. */
    private static List<String> engineList(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip();
            if (n.isEmpty() || names.contains(n)) {
                throw new IllegalArgumentException("--engines: empty or repeated engine name in " + list);
            }
            names.add(n);
        }
        if (names.size() < 2) {
            throw new IllegalArgumentException("--engines needs at least two engines (else use --engine)");
        }
        return names;
    }

    private static int sideBySide(List<String> names, String node, List<String> files, String function, int warmup,
            int runs, PrintStream out, PrintStream err) {
        List<Contender> contenders = new ArrayList<>();
        Set<String> gate = new HashSet<>();
        try {
            for (String name : names) {
                switch (name) {
                    case NativeBuildContender.NAME -> contenders.add(new NativeBuildContender());
                    case NodeContender.LIFTOFF -> contenders.add(new NodeContender(node, true));
                    case NodeContender.DEFAULT -> contenders.add(new NodeContender(node, false));
                    default -> {
                        contenders.add(new TargetContender(new GateTarget(Engines.find(name))));
                        gate.add(name);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("gate bench: " + e.getMessage());
            return 2;
        }
        SideBySide bench = new SideBySide(contenders, function, warmup, runs);
        RatioTable table = new RatioTable(names, gate);
        int status = 0;
        String loadBefore = LoadAverage.read();
        try {
            for (String file : files) {
                err.println("gate bench: " + file + ": " + (warmup + runs) + " rounds of " + names.size() + " engines");
                try {
                    SideBySide.Result result = bench.measure(Path.of(file), file);
                    for (SideBySide.Failure f : result.failures()) {
                        err.println("gate bench: " + file + " on " + f.engine() + ": " + f.cause().getMessage());
                        status = 1;
                    }
                    for (Measurement m : result.measurements()) {
                        out.println(m.line());
                        table.add(m);
                    }
                } catch (IOException e) {
                    err.println("gate bench: " + file + ": " + e.getMessage());
                    status = 1;
                }
            }
        } finally {
            contenders.forEach(Contender::close);
        }
        out.println();
        out.print(table.render());
        out.println();
        out.println("Medians of " + runs + " interleaved runs after " + warmup + " warm-up runs; load average "
                + loadBefore + " before, " + LoadAverage.read() + " after.");
        return status;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
