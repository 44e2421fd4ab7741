package gate.executor;

import gate.engine.FunctionExtern;
import gate.engine.Values;
import gate.wasm.ValType;
import java.util.List;

/**
 * Converts table elements between an instance's slots (function indexes of its own index space,
 * externref ids, -1 for null) and canonical references shared between instances.
 *
 * <p>A function reference is canonical as the function's defining instance and index, reached by
 * following imports of other native instances' exports, or as the imported {@link FunctionExtern}
 * itself for host functions. A function outside the instance's own index space (defined by
 * another instance, or a host function it does not import) gets a foreign slot (gate.compiler
 * AreaLayout): element {@code functionCount + k}, which call_indirect calls through the host.
 * Only when those slots run out is a reference refused with a {@link ForeignFunctionException}.
 */
final class NativeRefs {
    private NativeRefs() {}

    /** A function defined (not imported) by a native instance. */
    record DefinedFunction(NativeInstance owner, int index) {
        @Override
        public String toString() {
            return "function " + index + " of another instance";
        }
    }

    static Object canonical(NativeInstance in, ValType elementType, long slot) {
        if (slot == Values.NULL_REF) {
            return null;
        }
        if (elementType != ValType.FUNCREF) {
            return slot;
        }
        int own = in.functionCount();
        if (slot >= own) {
            return in.foreignSlots().function(slot - own);
        }
        return function(in, (int) slot);
    }

    private static Object function(NativeInstance in, int index) {
        List<FunctionExtern> imports = in.importedFunctions();
        for (int depth = 0; index < imports.size() && depth < 1000; depth++) {
            FunctionExtern f = imports.get(index);
            if (!(f instanceof NativeInstance.ExportedFunction e)) {
                return f;
            }
            in = e.owner();
            index = e.index();
            imports = in.importedFunctions();
        }
        return new DefinedFunction(in, index);
    }

    static long slot(NativeInstance in, ValType elementType, Object ref) {
        Long slot = slotIfAny(in, elementType, ref);
        if (slot != null) {
            return slot;
        }
        throw new ForeignFunctionException("the native engine cannot put a function of another instance into"
                + " this instance's table unless this instance imports it (" + ref + ")");
    }

    /** The slot of {@code ref} in {@code in}, or null if {@code in} can represent it by no slot. */
    static Long slotIfAny(NativeInstance in, ValType elementType, Object ref) {
        if (ref == null) {
            return Values.NULL_REF;
        }
        if (elementType != ValType.FUNCREF) {
            return (Long) ref;
        }
        if (ref instanceof DefinedFunction d && d.owner() == in) {
            return (long) d.index();
        }
        List<FunctionExtern> imports = in.importedFunctions();
        for (int j = 0; j < imports.size(); j++) {
            if (ref.equals(function(in, j))) {
                return (long) j;
            }
        }
        int k = in.foreignSlots().slot(ref);
        return k < 0 ? null : (long) in.functionCount() + k;
    }
}
