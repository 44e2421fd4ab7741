package gate.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Host functions that stop the program, or call back into it (reentry.wat). */
class HostCallTest {
    private final Program program = TestModules.compile("reentry");
    private final AtomicReference<Instance> self = new AtomicReference<>();

    private Instance instance(HostFunction.Body body) {
        HostFunction host = new HostFunction(FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), body);
        Imports imports = TestModules.env(Map.of("host", host));
        Instance instance = program.instantiate(imports, InstanceLimits.DEFAULT);
        self.set(instance);
        return instance;
    }

    @Test
    void aResumableHostTrapIsRetriedAfterRestore() {
        int[] calls = {0};
        HostFunction.Body body = (caller, args) -> {
            if (calls[0]++ == 0) {
                throw new TrapException(TrapId.SUSPENDED);
            }
            return new long[] {args[0] * 10};
        };
        Instance first = instance(body);
        assertEquals(TrapId.SUSPENDED, assertThrows(TrapException.class, () -> first.invoke("outer", 4)).trap());
        assertTrue(first.isSuspended());
        InstanceState state = first.captureState();
        InstanceState.Frame top = state.stack().get(0);
        assertArrayEquals(new long[] {4}, top.operands(), "the import's argument waits on the stack");

        Instance second = program.restore(state, TestModules.env(Map.of("host", new HostFunction(
                FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), body))), InstanceLimits.DEFAULT);
        assertArrayEquals(new long[] {41}, second.resume());
        assertEquals(2, calls[0]);
    }

    @Test
    void hostFunctionsMayCallBackIntoTheInstance() {
        Instance instance = instance((caller, args) -> self.get().invoke("inner", args[0]));
        assertArrayEquals(new long[] {9}, instance.invoke("outer", 4));
    }

    @Test
    void aSuspensionRequestDuringANestedRunWaitsForTheOuterRun() {
        Instance instance = instance((caller, args) -> {
            self.get().interrupt(TrapId.SUSPENDED);
            return self.get().invoke("inner", args[0]);
        });
        // No suspension point follows the host call in "outer": it completes, the request stays.
        assertArrayEquals(new long[] {9}, instance.invoke("outer", 4));
        assertFalse(instance.isSuspended());
        assertEquals(TrapId.SUSPENDED, assertThrows(TrapException.class, () -> instance.invoke("inner", 1)).trap());
        assertArrayEquals(new long[] {2}, instance.resume());
    }
}
