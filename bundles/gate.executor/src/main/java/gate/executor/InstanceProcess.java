package gate.executor;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A launched instance: its process handle, the JVM's ends of its input and output pipes (raw fds
 * stay accessible for the program ABI's {@code InstancePipe}), and its state memfd.
 */
public final class InstanceProcess implements AutoCloseable {
    private final Running running;
    private final Fd input;
    private final Fd output;
    private final StateFile state;

    InstanceProcess(Running running, Fd input, Fd output, StateFile state) {
        this.running = running;
        this.input = input;
        this.output = output;
        this.state = state;
    }

    /** Write end of the instance's fd 0 (null when the caller keeps the pipes, see Executor#launch). */
    public Fd input() {
        return input;
    }

    /** Read end of the instance's fd 1 (null when the caller keeps the pipes). */
    public Fd output() {
        return output;
    }

    public StateFile state() {
        return state;
    }

    /** Completes with the typed status when the process has been reaped. */
    public CompletableFuture<ExitStatus> status() {
        return running.status();
    }

    public void kill() throws IOException {
        running.kill();
    }

    public void suspend() throws IOException {
        running.suspend();
    }

    /** Closes the pipe ends it owns (not the state, which the caller owns). */
    @Override
    public void close() {
        if (input != null) {
            input.close();
            output.close();
        }
    }
}
