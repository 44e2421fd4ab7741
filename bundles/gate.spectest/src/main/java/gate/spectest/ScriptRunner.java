package gate.spectest;

import gate.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs scripts on one engine. Each script gets a fresh {@link Store} and a worker thread; each
 * command runs under a time limit. When the limit passes, the execution is interrupted with {@code
 * KILLED} and the command fails; a worker that does not come back within a grace period is
 * abandoned (it is a daemon) and the rest of its script fails, so an engine bug cannot hang the
 * run. Any unexpected {@link Throwable} fails its command only. Not thread-safe.
 */
public final class ScriptRunner {
    /** Stack of the worker thread: engines that recurse on the Java stack get room to reach their limit. */
    private static final long WORKER_STACK_BYTES = 64L << 20;
    private static final String SIMD_REASON = "SIMD (v128) is out of scope";

    private final Engine engine;
    private final Duration commandLimit;
    private final Duration grace;
    private boolean roundTrip;
    private int suspensionSteps;

    /**
     * @param commandLimit how long one command may run before it is interrupted
     */
    public ScriptRunner(Engine engine, Duration commandLimit) {
        this(engine, commandLimit, Duration.ofSeconds(10));
    }

    /** @param grace how long an interrupted command may take to stop before it is abandoned */
    ScriptRunner(Engine engine, Duration commandLimit, Duration grace) {
        this.engine = engine;
        this.commandLimit = commandLimit;
        this.grace = grace;
    }

    /**
     * Makes every action run on an instance restored from the captured state of the previous one
     * ({@link gate.engine.Instance#captureState}, {@link gate.engine.Program#restore}), which
     * checks snapshots against the whole suite. Instances registered for import are left alone.
     */
    public ScriptRunner withSnapshotRoundTrip(boolean enabled) {
        this.roundTrip = enabled;
        return this;
    }

    /**
     * Makes every call stop at up to {@code steps} suspension points and resume (with a snapshot
     * round trip at each when that is enabled too), which checks suspension against the suite.
     */
    public ScriptRunner withSuspensionSteps(int steps) {
        this.suspensionSteps = steps;
        return this;
    }

    /** Loads and runs one script; a script that cannot be read counts as one failure. */
    public ScriptResult run(java.nio.file.Path file, String displayName) {
        Script script;
        try {
            script = Script.load(file, displayName);
        } catch (java.io.IOException | RuntimeException e) {
            Failure f = new Failure(displayName, 0, "load script", e.toString());
            return new ScriptResult(displayName, 0, 1, 0, List.of(f), Map.of());
        }
        return run(script);
    }

    ScriptResult run(Script script) {
        Tally tally = new Tally(script.displayName());
        if (isSimdScript(script)) {
            script.commands().forEach(c -> tally.add(c, Outcome.skip(SIMD_REASON)));
            return tally.result();
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "spectest " + script.displayName(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        Store store;
        try {
            store = worker.submit(() -> new Store(engine, roundTrip, suspensionSteps)).get();
        } catch (ExecutionException | InterruptedException e) {
            worker.shutdownNow();
            script.commands().forEach(c -> tally.add(c, Outcome.fail("creating the spectest module: " + e.getCause())));
            return tally.result();
        }
        Assertions assertions = new Assertions(script, store);
        boolean abandoned = false;
        for (Command c : script.commands()) {
            if (abandoned) {
                tally.add(c, Outcome.fail("not run: an earlier command hung and the script was abandoned"));
            } else if (c.usesSimd()) {
                tally.add(c, Outcome.skip(SIMD_REASON));
            } else {
                Future<Outcome> future = worker.submit(() -> guarded(assertions, c));
                Outcome outcome = await(future, store);
                abandoned = outcome == null;
                tally.add(c, abandoned ? Outcome.fail("hung for " + commandLimit.plus(grace).toMillis()
                        + " ms and ignored the KILLED interrupt; script abandoned") : outcome);
            }
        }
        if (!abandoned) {
            worker.submit(store::close);
        }
        worker.shutdown();
        return tally.result();
    }

    /** The command's outcome, or null when it hung even after the interrupt. */
    private Outcome await(Future<Outcome> future, Store store) {
        try {
            return future.get(commandLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            store.interruptRunning();
            try {
                Outcome late = future.get(grace.toMillis(), TimeUnit.MILLISECONDS);
                return Outcome.fail("timed out after " + commandLimit.toSeconds() + " s (interrupted with KILLED; "
                        + (late.detail() == null ? "then passed" : late.detail()) + ")");
            } catch (TimeoutException hung) {
                future.cancel(true);
                return null;
            } catch (ExecutionException | InterruptedException other) {
                return Outcome.fail("timed out, then " + other);
            }
        } catch (ExecutionException | InterruptedException e) {
            return Outcome.fail("runner error: " + e);
        }
    }

    // Deliberately broad: whatever an engine throws is a failed command, never a crashed run.
    private static Outcome guarded(Assertions assertions, Command c) {
        try {
            return assertions.run(c);
        } catch (Throwable t) {
            return Outcome.fail("unexpected " + t);
        }
    }

    private static boolean isSimdScript(Script script) {
        String path = script.file().toAbsolutePath().normalize().toString().replace('\\', '/');
        return path.contains("/proposals/simd/");
    }

    /** Counts outcomes of one script. */
    private static final class Tally {
        private final String script;
        private final List<Failure> failures = new ArrayList<>();
        private final Map<String, Integer> skipReasons = new TreeMap<>();
        private int passed;
        private int skipped;

        Tally(String script) {
            this.script = script;
        }

        void add(Command c, Outcome o) {
            switch (o.status()) {
                case PASSED -> passed++;
                case FAILED -> failures.add(new Failure(script, c.line(), c.describe(), o.detail()));
                case SKIPPED -> {
                    skipped++;
                    skipReasons.merge(o.detail(), 1, Integer::sum);
                }
                case UNCOUNTED -> { }
            }
        }

        ScriptResult result() {
            return new ScriptResult(script, passed, failures.size(), skipped, failures, skipReasons);
        }
    }
}
