package gate.interp;

import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.wasm.FuncType;
import gate.wasm.Module;
import java.util.List;

/** A module translated for the interpreter: immutable and shared by its instances. */
final class InterpProgram implements Program {
    private final Module module;
    /** Canonical id of each module type: the index of the first structurally equal type. */
    final int[] typeIds;
    /** Translated code by function index; null for imported functions. */
    final CompiledFunction[] functions;

    InterpProgram(Module module) {
        this.module = module;
        List<FuncType> types = module.types();
        this.typeIds = new int[types.size()];
        java.util.Map<FuncType, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < typeIds.length; i++) {
            first.putIfAbsent(types.get(i), i);
            typeIds[i] = first.get(types.get(i));
        }
        this.functions = new CompiledFunction[module.functionCount()];
        for (int i = module.importedFunctionCount(); i < functions.length; i++) {
            functions[i] = Translator.translate(module, typeIds, i);
        }
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public Instance instantiate(Imports imports, InstanceLimits limits) {
        InterpInstance instance = new InterpInstance(this, limits, Linker.link(module, imports));
        Instantiator.initialize(instance);
        return instance;
    }

    @Override
    public Instance restore(InstanceState state, Imports imports, InstanceLimits limits) {
        InterpInstance instance = new InterpInstance(this, limits, Linker.link(module, imports));
        StateRestore.restore(instance, state);
        return instance;
    }
}
