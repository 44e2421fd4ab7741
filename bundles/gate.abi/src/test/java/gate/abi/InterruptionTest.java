package gate.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program blocked in a host function (fd_read on stdin, io with the wait flag, poll_oneoff)
 * stops when the host interrupts the instance and wakes the pipe up, and the blocked call is
 * retried when it resumes.
 */
class InterruptionTest {

    private static ProgramRun.Outcome interruptWhenBlocked(ProgramRun run, TrapId reason) throws Exception {
        CompletableFuture<ProgramRun.Outcome> outcome = CompletableFuture.supplyAsync(run::start);
        run.session.awaitProgramBlocked();
        run.instance.interrupt(reason);
        run.session.wakeUp();
        // the bound only keeps a broken build from hanging; nothing is timed
        return outcome.get(5, TimeUnit.MINUTES);
    }

    @Test
    void suspendsInStdinReadAndResumes() throws Exception {
        ProgramRun run = new ProgramRun("echo", new FakeSession().stdinOpen());
        assertEquals(TrapId.SUSPENDED, interruptWhenBlocked(run, TrapId.SUSPENDED).trap());
        run.session.supplyStdin("after resume\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(ProgramRun.Outcome.RETURNED, run.resume());
        assertEquals("after resume\n", run.session.stdoutText());
    }

    /**
     * A captured suspended state resumes in a new instance with a new ABI and session (the ABI's
     * own state starts afresh: the retried read grants stdin again).
     */
    @Test
    void suspendedStateRestoresWithANewAbi() throws Exception {
        ProgramRun run = new ProgramRun("echo", new FakeSession().stdinOpen());
        assertEquals(TrapId.SUSPENDED, interruptWhenBlocked(run, TrapId.SUSPENDED).trap());
        gate.engine.InstanceState state = run.instance.captureState();
        run.instance.close();
        FakeSession session = new FakeSession().stdin("restored\n".getBytes(StandardCharsets.UTF_8));
        gate.wasm.Module module = run.instance.program().module();
        try (gate.engine.Instance restored = run.instance.program().restore(state,
                ProgramAbi.create(module, session, ProgramRun.config("echo")), gate.engine.InstanceLimits.DEFAULT)) {
            assertEquals(0, restored.resume().length);
        }
        assertEquals("restored\n", session.stdoutText());
    }

    @Test
    void suspendsInIoWait() throws Exception {
        ProgramRun run = new ProgramRun("catalog", new FakeSession().silentDiscovery());
        assertEquals(TrapId.SUSPENDED, interruptWhenBlocked(run, TrapId.SUSPENDED).trap());
    }

    @Test
    void killEndsTheBlockedProgram() throws Exception {
        ProgramRun run = new ProgramRun("watcher", new FakeSession().stdinOpen());
        // the host function stops with SUSPENDED; the engine knows the request was a kill
        assertEquals(TrapId.KILLED, interruptWhenBlocked(run, TrapId.KILLED).trap());
    }
}
