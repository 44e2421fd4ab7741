package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.util.Arrays;

/**
 * Calls that leave the instance: host functions and functions of other instances. They run as
 * Java calls on the current thread; arguments and results are copied between the value stack
 * and arrays, and function references are translated between the two instances' handles.
 */
final class Calls {
    private Calls() {}

    /**
     * Calls imported function {@code target} from the {@code call} at {@code callPc} of function
     * {@code fn}. A resumable trap from a host function (core spec has none; Gate's host ABI
     * does) leaves the instance suspended at that call, arguments still on the stack, so resuming
     * retries it.
     */
    static int callImport(InterpInstance in, int fn, int callPc, int fp, FunctionRef target, int sp) {
        try {
            return callExternal(in, target, sp);
        } catch (TrapException e) {
            // A blocking host call that stops with SUSPENDED answers a pending interrupt request
            // (gate.abi README §5): the request is served, or becomes the kill it was.
            if (e.trap() == TrapId.SUSPENDED && in.interruptRequest == TrapId.KILLED) {
                throw new TrapException(TrapId.KILLED);
            }
            if (e.trap() == TrapId.SUSPENDED && in.interruptRequest == TrapId.SUSPENDED) {
                in.interruptRequest = null;
            }
            if (e.trap().resumable && target instanceof HostFunctionRef && in.nesting == 1 && !in.suspended) {
                Suspension.record(in, fn, callPc, fp, sp);
            }
            throw e;
        }
    }

    /** Calls {@code target} with the top arguments of the stack; returns the new stack top. */
    static int callExternal(InterpInstance in, FunctionRef target, int sp) {
        FuncType type = target.type();
        int n = type.params().size();
        long[] s = in.stack;
        long[] args = Arrays.copyOfRange(s, sp - n, sp);
        long[] results;
        if (target instanceof InstanceFunction other) {
            InterpInstance callee = other.owner;
            translateRefs(type.params().toArray(new ValType[0]), args, in, callee);
            results = other.call(args);
            translateRefs(type.results().toArray(new ValType[0]), results, callee, in);
        } else {
            for (int i = 0; i < n; i++) {
                args[i] = Slots.canonical(type.params().get(i), args[i]);
            }
            results = ((HostFunctionRef) target).call(in, args);
        }
        if (results == null || results.length != type.results().size()) {
            // A host function broke its own declared signature: not the program's fault.
            throw new TrapException(TrapId.INTERNAL_ERROR);
        }
        sp -= n;
        System.arraycopy(results, 0, s, sp, results.length);
        return sp + results.length;
    }

    private static void translateRefs(ValType[] types, long[] values, InterpInstance from, InterpInstance to) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == ValType.FUNCREF) {
                values[i] = to.handleOf(from.refOf(values[i]));
            }
        }
    }
}
