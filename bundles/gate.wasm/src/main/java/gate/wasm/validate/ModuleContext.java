package gate.wasm.validate;

import gate.wasm.ConstExpr;
import gate.wasm.ElementInits;
import gate.wasm.ElementSegment;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.Global;
import gate.wasm.GlobalType;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The validation context C of core spec §3.1.1, built once per module with the index spaces laid
 * out as arrays so that each instruction checks in constant time. Built only after the module's
 * type indexes were checked, so every function has a type.
 */
final class ModuleContext {
    final Module module;
    final List<FuncType> types;
    /** Type of each function, imports first. */
    final FuncType[] functions;
    final TableType[] tables;
    final MemoryType[] memories;
    final GlobalType[] globals;
    final int importedGlobals;
    /** C.refs: functions that {@code ref.func} may name (§3.4.10). */
    final BitSet declaredReferences;

    ModuleContext(Module module) {
        this.module = module;
        this.types = module.types();
        List<FuncType> functionList = new ArrayList<>();
        List<TableType> tableList = new ArrayList<>();
        List<MemoryType> memoryList = new ArrayList<>();
        List<GlobalType> globalList = new ArrayList<>();
        for (Import i : module.imports()) {
            switch (i.desc()) {
                case ImportDesc.Func f -> functionList.add(types.get(f.typeIndex()));
                case ImportDesc.Table t -> tableList.add(t.type());
                case ImportDesc.Memory m -> memoryList.add(m.type());
                case ImportDesc.Global g -> globalList.add(g.type());
            }
        }
        importedGlobals = globalList.size();
        for (int typeIndex : module.functionTypes()) {
            functionList.add(types.get(typeIndex));
        }
        tableList.addAll(module.tables());
        memoryList.addAll(module.memories());
        for (Global g : module.globals()) {
            globalList.add(g.type());
        }
        functions = functionList.toArray(FuncType[]::new);
        tables = tableList.toArray(TableType[]::new);
        memories = memoryList.toArray(MemoryType[]::new);
        globals = globalList.toArray(GlobalType[]::new);
        declaredReferences = declaredReferences(module, functions.length);
    }

    /** Functions named in globals, element segments and exports (§3.4.10, "refs"). */
    private static BitSet declaredReferences(Module module, int functionCount) {
        // only indexes below functionCount are set: a bogus huge index must not size the set
        BitSet refs = new BitSet(functionCount);
        for (Global g : module.globals()) {
            declare(refs, g.init(), functionCount);
        }
        for (ElementSegment e : module.elements()) {
            if (e.init() instanceof ElementInits compact) {
                for (int i = 0; i < compact.size(); i++) {
                    int index = compact.functionIndex(i);
                    if (index >= 0 && index < functionCount) {
                        refs.set(index);
                    }
                }
            } else {
                for (ConstExpr c : e.init()) {
                    declare(refs, c, functionCount);
                }
            }
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() >= 0 && e.index() < functionCount) {
                refs.set(e.index());
            }
        }
        return refs;
    }

    private static void declare(BitSet refs, ConstExpr expr, int functionCount) {
        if (expr instanceof ConstExpr.RefFunc f && f.funcIndex() >= 0 && f.funcIndex() < functionCount) {
            refs.set(f.funcIndex());
        }
    }
}
