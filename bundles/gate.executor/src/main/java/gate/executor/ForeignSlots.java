package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.gen.AreaLayout;
import gate.engine.FunctionExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions of other instances that one instance's tables hold (gate.compiler AreaLayout): slot k
 * is table element {@code functionCount + k}, and its entry in the globals area leads
 * call_indirect to the foreign entry of the function's type, which calls the host.
 */
final class ForeignSlots {
    private final Module module;
    private final CompiledProgram compiled;
    private final StateFile state;
    private final List<Object> functions = new ArrayList<>();
    private final Map<Object, Integer> slots = new HashMap<>();

    ForeignSlots(Module module, CompiledProgram compiled, StateFile state) {
        this.module = module;
        this.compiled = compiled;
        this.state = state;
    }

    /**
     * The slot of canonical function {@code ref}, assigned (and its entry written into the area) on
     * first use; -1 when the module has no room for it.
     */
    synchronized int slot(Object ref) {
        Integer known = slots.get(ref);
        if (known != null) {
            return known;
        }
        AreaLayout.Region region = compiled.area().foreign();
        int k = functions.size();
        if (k >= region.capacity()) {
            return -1;
        }
        // The canonical type id as the compiler numbers them (first equal type); a type the
        // module does not have (-1) matches no call_indirect, so its entry is never entered.
        int typeId = module.types().indexOf(type(ref));
        long entry = typeId < 0 ? 0 : compiled.foreignEntries().getOrDefault(typeId, 0);
        long base = state.layout().memoryOffset() + region.offset();
        try {
            state.writeWord(base + 16 + 8L * k, (typeId & 0xffff_ffffL) << 32 | entry);
            state.writeWord(base, k + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        functions.add(ref);
        slots.put(ref, k);
        return k;
    }

    /** The function of slot {@code k}; a k that was never assigned is the sandbox's error. */
    synchronized Object function(long k) {
        if (k < 0 || k >= functions.size()) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("unknown foreign function " + k));
        }
        return functions.get((int) k);
    }

    /** The slot of the call_indirect in progress (the area's pending cell, written by the code). */
    Object pending() throws IOException {
        return function(state.readWord(state.layout().memoryOffset() + compiled.area().foreign().offset() + 8));
    }

    synchronized boolean isEmpty() {
        return functions.isEmpty();
    }

    static FuncType type(Object ref) {
        if (ref instanceof NativeRefs.DefinedFunction d) {
            return d.owner().program().module().functionType(d.index());
        }
        return ((FunctionExtern) ref).type();
    }
}
