package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/** A native execution suspended at a loop is captured with its call stack and finished by the interpreter. */
class PortableStateTest {
    @Test
    void suspendedNativeStackResumesOnTheInterpreter() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("portable-programs")));
        Module module = NativeEngineTest.module("count");
        try (Instance i = engine.compile(module).instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            i.interrupt(TrapId.SUSPENDED); // applies to the next execution: stops at its first check
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("count", 1000));
            assertEquals(TrapId.SUSPENDED, e.trap());
            InstanceState state = i.captureState();
            assertFalse(state.stack().isEmpty());
            InstanceState.Frame top = state.stack().get(state.stack().size() - 1);
            assertEquals(0, top.functionIndex());
            assertEquals(1000, top.locals()[0]);

            Instance onInterp = new InterpreterEngine().compile(module).restore(state, Imports.NONE, InstanceLimits.DEFAULT);
            assertTrue(onInterp.isSuspended());
            assertArrayEquals(new long[] {1000}, onInterp.resume());

            // and the native instance itself continues too
            assertArrayEquals(new long[] {1000}, i.resume());
        } finally {
            engine.close();
        }
    }
}
