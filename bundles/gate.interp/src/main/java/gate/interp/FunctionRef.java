package gate.interp;

import gate.engine.FunctionExtern;
import gate.wasm.FuncType;

/**
 * A function reference as tables, globals and import lists hold it: a function of an instance of
 * this engine, or a function of the host.
 */
abstract sealed class FunctionRef implements FunctionExtern permits InstanceFunction, HostFunctionRef {
    private final FuncType type;

    FunctionRef(FuncType type) {
        this.type = type;
    }

    @Override
    public final FuncType type() {
        return type;
    }

    /** Index in the owning module's function index space, or -1 for a host function. */
    abstract int canonicalIndex();

    /**
     * Whether this function has the type {@code typeId} of {@code program} (core spec §4.4.8
     * call_indirect: types are compared structurally). Same-program functions compare ids.
     */
    abstract boolean hasType(InterpProgram program, int typeId);
}
