package gate.spectest;

import gate.engine.Instance;
import gate.engine.TrapId;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs engine work for the robustness tests on one daemon worker thread under a time limit. When
 * the limit passes, the instance is interrupted with {@code KILLED}; work that still does not end
 * within the grace period is reported as hung (and the worker abandoned).
 */
final class GuardedCall implements AutoCloseable {
    /** What happened to one piece of work. */
    sealed interface Result<T> {}

    record Done<T>(T value) implements Result<T> {}

    /** The work threw; {@code error} is whatever it threw. */
    record Threw<T>(Throwable error) implements Result<T> {}

    /** The work ignored the interrupt; the worker is abandoned. */
    record Hung<T>() implements Result<T> {}

    private final Duration limit;
    private final Duration grace;
    private ExecutorService worker = newWorker();

    GuardedCall(Duration limit, Duration grace) {
        this.limit = limit;
        this.grace = grace;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "robustness worker", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work}; {@code instance} (may be null) is the one to interrupt when it overruns. */
    <T> Result<T> run(Callable<T> work, Instance instance) {
        return runTracking(work, () -> instance);
    }

    /**
     * Runs {@code work}; {@code instance} says which instance to interrupt when it overruns (it may
     * change while the work runs, or give null).
     */
    <T> Result<T> runTracking(Callable<T> work, java.util.function.Supplier<Instance> instance) {
        Future<T> future = worker.submit(work);
        try {
            return waitFor(future, limit);
        } catch (TimeoutException e) {
            Instance running = instance.get();
            if (running != null) {
                running.interrupt(TrapId.KILLED);
            }
            try {
                return waitFor(future, grace);
            } catch (TimeoutException hung) {
                future.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                return new Hung<>();
            }
        }
    }

    private static <T> Result<T> waitFor(Future<T> future, Duration time) throws TimeoutException {
        try {
            return new Done<>(future.get(time.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new Threw<>(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Threw<>(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
