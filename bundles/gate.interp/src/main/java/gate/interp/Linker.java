package gate.interp;

import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.Imports;
import gate.engine.UnlinkableException;
import gate.wasm.GlobalType;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Limits;
import gate.wasm.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves and type-checks a module's imports (core spec §4.5.4 instantiation steps 3-4, with the
 * import matching rules of §4.5.2). Tables, memories and globals must belong to this engine.
 */
final class Linker {
    private Linker() {}

    /** The resolved imports, per kind, in index order. */
    record Linked(List<FunctionRef> functions, List<Table> tables, List<Memory> memories, List<GlobalCell> globals) {}

    static Linked link(Module module, Imports imports) {
        List<FunctionRef> functions = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Memory> memories = new ArrayList<>();
        List<GlobalCell> globals = new ArrayList<>();
        for (Import imp : module.imports()) {
            Extern e = imports.resolve(imp);
            if (e == null) {
                throw new UnlinkableException("unknown import " + imp.module() + "." + imp.name());
            }
            switch (imp.desc()) {
                case ImportDesc.Func f -> functions.add(function(module, imp, f, e));
                case ImportDesc.Table t -> tables.add(table(imp, t, e));
                case ImportDesc.Memory m -> memories.add(memory(imp, m, e));
                case ImportDesc.Global g -> globals.add(global(imp, g.type(), e));
            }
        }
        return new Linked(functions, tables, memories, globals);
    }

    private static UnlinkableException incompatible(Import imp, String why) {
        return new UnlinkableException(
                "incompatible import type for " + imp.module() + "." + imp.name() + ": " + why);
    }

    /** Functions match when their types are equal (§4.5.2, func). */
    private static FunctionRef function(Module module, Import imp, ImportDesc.Func f, Extern e) {
        if (!(e instanceof FunctionExtern fe)) {
            throw incompatible(imp, "expected a function, got a " + e.kind());
        }
        if (!fe.type().equals(module.types().get(f.typeIndex()))) {
            throw incompatible(imp, "expected " + module.types().get(f.typeIndex()) + ", got " + fe.type());
        }
        return fe instanceof FunctionRef ref ? ref : new HostFunctionRef(fe);
    }

    private static Table table(Import imp, ImportDesc.Table t, Extern e) {
        if (!(e instanceof Table table)) {
            throw incompatible(imp, "expected a table of this engine, got " + e.kind());
        }
        if (table.elementType() != t.type().elementType()) {
            throw incompatible(imp, "element type " + table.elementType().text());
        }
        if (!limitsMatch(table.type().limits(), t.type().limits())) {
            throw incompatible(imp, "table limits " + table.type().limits());
        }
        return table;
    }

    private static Memory memory(Import imp, ImportDesc.Memory m, Extern e) {
        if (!(e instanceof Memory memory)) {
            throw incompatible(imp, "expected a memory of this engine, got " + e.kind());
        }
        if (!limitsMatch(memory.type().limits(), m.type().limits())) {
            throw incompatible(imp, "memory limits " + memory.type().limits());
        }
        return memory;
    }

    /** Globals match when mutability and value type are equal (§4.5.2, global). */
    private static GlobalCell global(Import imp, GlobalType expected, Extern e) {
        if (!(e instanceof GlobalCell global)) {
            throw incompatible(imp, "expected a global of this engine, got " + e.kind());
        }
        if (!global.type().equals(expected)) {
            throw incompatible(imp, "global type " + global.type());
        }
        return global;
    }

    /**
     * Limits {n1, m1?} match {n2, m2?} iff n1 >= n2 and, when m2 is present, m1 is present and
     * m1 <= m2 (§4.5.2, limits). The provided side uses its current size as minimum.
     */
    static boolean limitsMatch(Limits actual, Limits expected) {
        if (actual.min() < expected.min()) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && actual.max() <= expected.max();
    }
}
