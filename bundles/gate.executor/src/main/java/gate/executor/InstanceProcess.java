package gate.executor;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A launched instance: its process handle, the JVM's ends of its input and output pipes (raw fds
 * stay accessible for the program ABI's {@code InstancePipe}), and its state memfd.
 */
public final class InstanceProcess implements AutoCloseable {
    private static final int SIGKILL = 9;
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

    /**
     * The run's status taken from the process itself, before the container has reaped it: the
     * runtime's exit path writes the stopped state and the exit code to the vars page, then closes
     * its output (runtime.native DESIGN.md §2, "End of a run"). Call it once the output has ended;
     * null when {@code vars} do not show such an end (a crash, a kill, a loader error: then wait
     * for {@link #status()}). The container's status still arrives and remains the authority: if it
     * tells another end, {@code contradicted} gets it (in the thread that completes the status),
     * unless it is a SIGKILL, which may come after the end was written (a kill racing the end, the
     * CPU limit, the OOM killer) without undoing the run. Anything else means the process went on
     * after it had reported its end, which the runtime never does (see also {@link #watchEnd}).
     */
    ExitStatus endedEarly(Vars vars, StateLayout layout, int textSize, Consumer<ExitStatus> contradicted) {
        if (!vars.valid() || vars.state() != Vars.STOPPED || !vars.fits(layout, textSize)) {
            return null;
        }
        ExitStatus early = ExitStatus.ofExitCode(vars.exitCode());
        if (early.kind() == ExitStatus.Kind.LOADER) {
            return null; // not a code the exit path writes
        }
        running.status().thenAccept(s -> {
            boolean killed = s.kind() == ExitStatus.Kind.KILLED || s.kind() == ExitStatus.Kind.CPU_LIMIT
                    || (s.kind() == ExitStatus.Kind.SIGNAL && s.code() == SIGKILL);
            if (!killed && !s.sameEnd(early)) {
                contradicted.accept(s);
            }
        });
        return early;
    }

    /** After {@link #endedEarly}: a process that is not reaped soon is killed (Container#watchEnd). */
    void watchEnd() {
        running.watchEnd();
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
