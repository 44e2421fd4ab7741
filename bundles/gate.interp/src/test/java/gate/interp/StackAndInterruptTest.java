package gate.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Extern;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Call stack exhaustion and interruption from another thread (loops.wat). */
class StackAndInterruptTest {
    private final CountDownLatch started = new CountDownLatch(1);
    private final Program program = TestModules.compile("loops");

    private Instance instance(InstanceLimits limits) {
        Map<String, Extern> env = Map.of("started", TestModules.action(started::countDown));
        return program.instantiate(TestModules.env(env), limits);
    }

    @Test
    void endlessRecursionTrapsWithoutJavaStackOverflow() {
        Instance instance = instance(InstanceLimits.DEFAULT);
        TrapException e = assertThrows(TrapException.class, () -> instance.invoke("down", 0));
        assertEquals(TrapId.CALL_STACK_EXHAUSTED, e.trap());
        e = assertThrows(TrapException.class, () -> instance.invoke("wide", 0));
        assertEquals(TrapId.CALL_STACK_EXHAUSTED, e.trap());
        // The instance stays usable after the trap.
        assertEquals(1000, instance.invoke("depth", 1000)[0]);
    }

    @Test
    void stackSizeLimitsTheDepth() {
        Instance small = instance(new InstanceLimits(1, 64 * 1024));
        assertThrows(TrapException.class, () -> small.invoke("depth", 100_000));
        Instance large = instance(new InstanceLimits(1, 16 * 1024 * 1024));
        assertEquals(100_000, large.invoke("depth", 100_000)[0]);
    }

    @Test
    void interruptEndsAnEndlessLoop() throws Exception {
        Instance instance = instance(InstanceLimits.DEFAULT);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                instance.invoke("spin");
            } catch (TrapException e) {
                outcome.set(e);
            }
        }, "spin");
        runner.start();
        started.await();
        instance.interrupt(TrapId.KILLED);
        runner.join();
        assertTrue(outcome.get() instanceof TrapException t && t.trap() == TrapId.KILLED, String.valueOf(outcome.get()));
        assertFalse(instance.isSuspended());
    }

    @Test
    void suspendedLoopCanBeResumedAndSuspendedAgain() throws Exception {
        Instance instance = instance(InstanceLimits.DEFAULT);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                instance.invoke("spin");
            } catch (TrapException e) {
                outcome.set(e);
            }
        }, "spin");
        runner.start();
        started.await();
        instance.interrupt(TrapId.SUSPENDED);
        runner.join();
        assertTrue(outcome.get() instanceof TrapException t && t.trap() == TrapId.SUSPENDED);
        assertTrue(instance.isSuspended());
        assertEquals(1, instance.captureState().stack().size());
        // A request made while nothing runs applies to the next execution.
        instance.interrupt(TrapId.SUSPENDED);
        assertEquals(TrapId.SUSPENDED, assertThrows(TrapException.class, instance::resume).trap());
        assertTrue(instance.isSuspended());
    }
}
