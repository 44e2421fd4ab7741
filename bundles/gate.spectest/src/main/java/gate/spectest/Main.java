package gate.spectest;

import gate.engine.Engines;
import gate.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command line: {@code gate.spectest.Main DIR [--engine NAME] [--verbose] [--timeout SECONDS]
 * [--roundtrip] [--suspend STEPS]}.
 * Runs every script under DIR (a suite root, a folder, or one {@code .json}) on one engine and
 * prints one line per script, failure details with {@code --verbose}, and a last line {@code N
 * passed, N failed, N skipped}. Exit status: 0 all passed, 1 something failed, 2 usage error.
 */
public final class Main {
    private static final String USAGE =
            "usage: gate spectest DIR [--engine NAME] [--verbose] [--timeout SECONDS] [--roundtrip]\n"
            + "       [--suspend STEPS]\n"
            + "  DIR         a spec test suite folder or one wast2json .json script\n"
            + "  --engine    engine name (default interp)\n"
            + "  --verbose   print each failure: file, line, command, expected vs got\n"
            + "  --timeout   seconds one command may run before it is killed (default 60)\n"
            + "  --roundtrip before each action, capture the instance's state and continue on an\n"
            + "              instance restored from it (checks snapshots)\n"
            + "  --suspend   suspend and resume each call at up to STEPS suspension points (with\n"
            + "              --roundtrip, through a snapshot each time)";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        String engineName = "interp";
        boolean verbose = false;
        boolean roundTrip = false;
        int steps = 0;
        long timeout = 60;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--engine" -> engineName = value(args, ++i);
                    case "--verbose", "-v" -> verbose = true;
                    case "--roundtrip" -> roundTrip = true;
                    case "--suspend" -> steps = Integer.parseInt(value(args, ++i));
                    case "--timeout" -> timeout = Long.parseLong(value(args, ++i));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-") || dir != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        dir = Path.of(args[i]);
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("missing DIR");
            }
        } catch (IllegalArgumentException e) {
            err.println("gate spectest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Engine engine;
        List<ScriptFinder.Found> scripts;
        try {
            engine = Engines.find(engineName);
            scripts = ScriptFinder.find(dir);
        } catch (IllegalArgumentException | IOException e) {
            err.println("gate spectest: " + e.getMessage());
            return 2;
        }
        ScriptRunner runner = new ScriptRunner(engine, Duration.ofSeconds(timeout)).withSnapshotRoundTrip(roundTrip)
                .withSuspensionSteps(steps);
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        for (ScriptFinder.Found found : scripts) {
            ScriptResult r = runner.run(found.file(), found.displayName());
            out.println(r.summary());
            if (verbose) {
                r.failures().forEach(f -> out.println("  FAIL " + f));
            }
            passed += r.passed();
            failed += r.failed();
            skipped += r.skipped();
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return failed > 0 ? 1 : 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
