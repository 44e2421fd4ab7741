package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The end of a run taken from the process's vars page (InstanceProcess#endedEarly, runtime.native
 * DESIGN.md §2 "End of a run"): decoded as the container decodes exit codes, refused for anything
 * the runtime's exit path does not write, and checked against the container's status when it comes.
 */
class EarlyEndTest {
    private static final StateLayout LAYOUT = new StateLayout(65536, 8192, 16);
    private static final int TEXT = 4096;

    private final CompletableFuture<ExitStatus> done = new CompletableFuture<>();
    private final InstanceProcess process = new InstanceProcess(new Running(null, 1, done), null, null, null);
    private final List<ExitStatus> contradicted = new ArrayList<>();

    private static Vars vars(int state, int exitCode) {
        return new Vars(Vars.MAGIC, state, exitCode, 1, 1024, 100, 0, 1L << 32, 2L << 32, 4L << 32, false);
    }

    private ExitStatus early(Vars vars) {
        return process.endedEarly(vars, LAYOUT, TEXT, contradicted::add);
    }

    private static ExitStatus status(ExitStatus.Kind kind, int code) {
        return new ExitStatus(kind, code, false, false, 1000);
    }

    @Test
    void exitsAndTrapsDecodeAsTheContainerDecodes() {
        ExitStatus exit = early(vars(Vars.STOPPED, 0));
        assertEquals(ExitStatus.Kind.EXIT, exit.kind());
        assertEquals(0, exit.code());
        assertEquals(3, early(vars(Vars.STOPPED, 3)).code());
        ExitStatus trap = early(vars(Vars.STOPPED, 105));
        assertEquals(ExitStatus.Kind.TRAP, trap.kind());
        assertEquals(5, trap.code());
        assertEquals(30, early(vars(Vars.STOPPED, 130)).code());
    }

    @Test
    void noEarlyEndWithoutTheExitPathsState() {
        assertNull(early(vars(Vars.RUNNING, 0)), "died while running");
        assertNull(early(vars(Vars.FRESH, 0)), "never reached the program (the JVM clears the state before a start)");
        assertNull(early(vars(Vars.STOPPED, 12)), "a loader error code");
        assertNull(early(vars(Vars.STOPPED, 4)), "not an exit code");
        assertNull(early(vars(Vars.STOPPED, 131)), "beyond the last trap");
        assertNull(early(new Vars(0, Vars.STOPPED, 0, 1, 1024, 100, 0, 1L << 32, 2L << 32, 4L << 32, false)),
                "a page the loader never wrote");
        assertNull(early(new Vars(Vars.MAGIC, Vars.STOPPED, 0, 17, 1024, 100, 0, 1L << 32, 2L << 32, 4L << 32,
                false)), "values outside the layout");
    }

    @Test
    void theSameEndAgrees() {
        early(vars(Vars.STOPPED, 102));
        done.complete(new ExitStatus(ExitStatus.Kind.TRAP, 2, false, true, 5000));
        assertEquals(List.of(), contradicted);
    }

    @Test
    void aKillAfterTheEndWasWrittenAgrees() {
        early(vars(Vars.STOPPED, 0));
        done.complete(new ExitStatus(ExitStatus.Kind.KILLED, 9, true, false, 5000));
        assertEquals(List.of(), contradicted);
        CompletableFuture<ExitStatus> other = new CompletableFuture<>();
        new InstanceProcess(new Running(null, 2, other), null, null, null)
                .endedEarly(vars(Vars.STOPPED, 0), LAYOUT, TEXT, contradicted::add);
        other.complete(status(ExitStatus.Kind.SIGNAL, 9)); // the OOM killer
        assertEquals(List.of(), contradicted);
    }

    @Test
    void anotherEndIsReported() {
        early(vars(Vars.STOPPED, 0));
        ExitStatus seccomp = status(ExitStatus.Kind.SECCOMP, 31);
        done.complete(seccomp);
        assertEquals(List.of(seccomp), contradicted);
    }

    @Test
    void anotherExitCodeIsReported() {
        early(vars(Vars.STOPPED, 0));
        ExitStatus exit1 = status(ExitStatus.Kind.EXIT, 1);
        done.complete(exit1);
        assertEquals(List.of(exit1), contradicted);
    }
}
