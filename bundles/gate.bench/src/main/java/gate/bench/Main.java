package gate.bench;

import gate.engine.Engines;
import gate.wasm.GateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: {@code gate bench FILE.wasm... [--engine NAME] [--runs N] [--warmup N] [--function NAME]}.
 * Prints exactly one {@code bench ...} line per file on standard output; checksums and errors go
 * to standard error. Exit status: 0 success, 1 a file failed (bad checksum, trap, invalid module),
 * 2 usage error.
 */
public final class Main {
    private static final String USAGE = """
            usage: gate bench FILE.wasm... [--engine NAME] [--runs N] [--warmup N] [--function NAME]
              Compiles each file once and runs FUNCTION N times on fresh instances.
              --engine    engine name (default interp)
              --runs      timed runs per file (default 5)
              --warmup    untimed runs per file before them (default 0)
              --function  exported function without parameters to run (default run)
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
        String function = "run";
        int runs = 5;
        int warmup = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--engine" -> engineName = value(args, ++i);
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

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
