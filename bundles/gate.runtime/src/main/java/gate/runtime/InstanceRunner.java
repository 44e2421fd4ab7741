package gate.runtime;

import gate.broker.ServiceDirectory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts program instances: each gets a broker {@link gate.broker.Session}, its ABI over the
 * session's pipe, and its own thread. Thread-safe; instances are independent.
 */
public final class InstanceRunner {
    private final ServiceDirectory directory;
    private final Executor serviceExecutor;

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
        var running = new RunningInstance(launch, directory, serviceExecutor);
        running.start();
        return running;
    }
}
