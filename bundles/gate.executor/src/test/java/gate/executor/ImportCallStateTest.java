package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.interp.InterpreterEngine;
import gate.wasm.FuncType;
import gate.wasm.GlobalType;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A state whose innermost frame is a {@code call} of an import to be retried (engine SPI
 * {@link InstanceState.Frame}; the interpreter makes it when a host call suspends) restores on
 * native: resuming performs the host call with the frame's top operands, then continues.
 */
class ImportCallStateTest {
    @Test
    void interpreterSuspendedInAHostCallFinishesOnNative() throws Exception {
        Module module = NativeEngineTest.module("host");
        AtomicInteger calls = new AtomicInteger();
        HostFunction twice = new HostFunction(new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args) -> {
                    if (calls.incrementAndGet() == 4) {
                        throw new TrapException(TrapId.SUSPENDED);
                    }
                    return new long[] {(args[0] * 2) & 0xffff_ffffL};
                });
        InterpreterEngine interp = new InterpreterEngine();
        Instance onInterp = interp.compile(module).instantiate(imports(interp, twice), InstanceLimits.DEFAULT);
        TrapException e = assertThrows(TrapException.class, () -> onInterp.invoke("calls", 10));
        assertEquals(TrapId.SUSPENDED, e.trap());
        InstanceState state = onInterp.captureState();
        InstanceState.Frame top = state.stack().get(state.stack().size() - 1);
        // $sum = 0 + 2 + 4 below the argument $i = 3 of the call being retried
        assertArrayEquals(new long[] {6, 3}, top.operands());

        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("import-call-programs")));
        try (Instance restored = engine.compile(module).restore(state, imports(engine, twice), InstanceLimits.DEFAULT)) {
            assertTrue(restored.isSuspended());
            InstanceState again = restored.captureState();
            InstanceState.Frame nativeTop = again.stack().get(again.stack().size() - 1);
            assertEquals(top.codeOffset(), nativeTop.codeOffset());
            assertArrayEquals(top.operands(), nativeTop.operands());
            assertArrayEquals(top.locals(), nativeTop.locals());
            // 2·(0 + … + 9) + base; the retried call and the six after it ran on native
            assertArrayEquals(new long[] {1090}, restored.resume());
            assertEquals(11, calls.get());
        } finally {
            engine.close();
        }
    }

    private static Imports imports(Engine engine, HostFunction twice) {
        Map<String, Extern> env = Map.of(
                "twice", twice,
                "poke", new HostFunction(new FuncType(List.of(ValType.I32), List.of()), (caller, args) -> new long[0]),
                "base", engine.createGlobal(new GlobalType(ValType.I32, false), 1000),
                "counter", engine.createGlobal(new GlobalType(ValType.I64, true), 0));
        return imp -> imp.module().equals("env") ? env.get(imp.name()) : null;
    }
}
