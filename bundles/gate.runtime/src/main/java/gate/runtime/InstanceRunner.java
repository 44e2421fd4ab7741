package gate.runtime;

import gate.broker.ServiceDirectory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts program instances: each gets a broker {@link gate.broker.Session}, its ABI over the
 * session's pipe, and its own thread. Thread-safe; instances are independent.
 */
public final class InstanceRunner {
    private final ServiceDirectory directory;
    private final Executor serviceExecutor;
    /** 32 programs or 64 MiB of modules: a platform's working set of programs, not an archive. */
    private final LoadedPrograms programs = new LoadedPrograms(32, 64L << 20);

    /**
     * @param directory where sessions find services by name
     * @param serviceExecutor runs service code for the sessions (must not run tasks on the caller)
     */
    public InstanceRunner(ServiceDirectory directory, Executor serviceExecutor) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.serviceExecutor = Objects.requireNonNull(serviceExecutor, "serviceExecutor");
    }

    /** An executor suited to service code: one virtual thread per task. */
    public static ExecutorService newServiceExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gate-service-", 0).factory());
    }

    /** Loads, links and starts the program; returns at once. */
    public RunningInstance start(Launch launch) {
        var running = new RunningInstance(launch, programs, directory, serviceExecutor);
        running.start(INSTANCE_THREADS);
        return running;
    }

    /**
     * Platform threads for instances, kept 10 s after use: starting a thread costs a run about
     * 0.2 ms, and an engine may block its thread in native calls (the native engine's host-call
     * wait), which virtual threads must not do. Daemon threads: an idle one never holds up exit.
     */
    private static final ExecutorService INSTANCE_THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            10, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread t = new Thread(runnable, "gate-instance-idle");
                t.setDaemon(true);
                return t;
            });
}
