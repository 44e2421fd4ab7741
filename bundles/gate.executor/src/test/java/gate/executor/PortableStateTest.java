package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.interp.InterpreterEngine;
import gate.wasm.Module;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native suspensions are captured with their call stacks and finished by the interpreter. */
class PortableStateTest {
    private static NativeEngine engine;

    @BeforeAll
    static void setUp() {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("portable-programs")));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void interruptWhileIdleSuspendsAtFunctionEntry() throws Exception {
        Module module = NativeEngineTest.module("count");
        try (Instance i = engine.compile(module).instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            i.interrupt(TrapId.SUSPENDED);
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("count", 1000));
            assertEquals(TrapId.SUSPENDED, e.trap());
            InstanceState state = i.captureState();
            assertEquals(1, state.stack().size());
            assertArrayEquals(new long[] {1000, 0}, state.stack().get(0).locals());
            Instance onInterp = new InterpreterEngine().compile(module).restore(state, Imports.NONE, InstanceLimits.DEFAULT);
            assertArrayEquals(new long[] {1000}, onInterp.resume());
            try (Instance again = engine.compile(module).restore(state, Imports.NONE, InstanceLimits.DEFAULT)) {
                assertArrayEquals(new long[] {1000}, again.resume());
            }
            assertArrayEquals(new long[] {1000}, i.resume());
        }
    }

    @Test
    void runningLoopSuspendedOnNativeFinishesOnTheInterpreter() throws Exception {
        Module module = NativeEngineTest.module("stop");
        try (Instance i = engine.compile(module).instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    return;
                }
                i.interrupt(TrapId.SUSPENDED);
            });
            t.start();
            // the loop only ends through the suspension: no timing matters
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("spin"));
            t.join();
            assertEquals(TrapId.SUSPENDED, e.trap());
            InstanceState state = i.captureState();
            assertEquals(1, state.stack().size());
            long count = state.stack().get(0).locals()[0];
            assertTrue(count >= 0, "iterations so far: " + count); // 0 if the interrupt came before the start
            // Let the loop end: set the stop flag in the captured state, run it on the interpreter.
            InstanceState stopped = new InstanceState(state.memory(), new long[] {1}, state.tables(),
                    state.droppedData(), state.droppedElements(), state.stack());
            Instance onInterp = new InterpreterEngine().compile(module).restore(stopped, Imports.NONE, InstanceLimits.DEFAULT);
            long[] result = onInterp.resume();
            assertTrue(result[0] == count || result[0] == count + 1, count + " then " + result[0]);

            // and back onto native: a fresh native instance restored from the same stopped state
            try (Instance again = engine.compile(module).restore(stopped, Imports.NONE, InstanceLimits.DEFAULT)) {
                assertTrue(again.isSuspended());
                long[] native2 = again.resume();
                assertTrue(native2[0] == count || native2[0] == count + 1, count + " then " + native2[0]);
            }
        }
    }
}
