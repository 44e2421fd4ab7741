package gate.executor;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** A started instance process, known to the container by its id. */
public final class Running {
    private final Container container;
    private final int id;
    private final CompletableFuture<ExitStatus> status;

    Running(Container container, int id, CompletableFuture<ExitStatus> status) {
        this.container = container;
        this.id = id;
        this.status = status;
    }

    /** The id in the control protocol (free again once {@link #status()} completes). */
    public int id() {
        return id;
    }

    /**
     * Completes with the typed status once the process has been reaped; exceptionally with {@link
     * StartRefusedException} or {@link ContainerDiedException}.
     */
    public CompletableFuture<ExitStatus> status() {
        return status;
    }

    /** Asks the container to kill the process (SIGKILL); a no-op once it has ended. */
    public void kill() throws IOException {
        if (!status.isDone()) {
            container.kill(id);
        }
    }

    /** Its end was taken from the process itself: it must be reaped soon (Container#watchEnd). */
    void watchEnd() {
        container.watchEnd(this);
    }

    /** Asks the process to suspend at its next check (SIGXCPU, CPU-limit backstop). */
    public void suspend() throws IOException {
        if (!status.isDone()) {
            container.suspend(id);
        }
    }
}
