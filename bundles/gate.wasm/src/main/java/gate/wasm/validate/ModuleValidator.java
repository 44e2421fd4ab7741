package gate.wasm.validate;

import gate.wasm.ConstExpr;
import gate.wasm.DataSegment;
import gate.wasm.ElementInits;
import gate.wasm.ElementSegment;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.Global;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.InvalidModuleException;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import gate.wasm.ValType;
import gate.wasm.WasmLimits;
import gate.wasm.decode.EntryOffsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The module-level rules of core spec §3.2 and §3.4 (everything but function bodies): types of
 * imports and definitions, limits, constant expressions, exports, start function and segments.
 * Errors carry the offset of the section concerned: the model keeps no offsets of single entries.
 */
final class ModuleValidator {
    /** Section ids (core spec §5.5.2), for error offsets. */
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int MEMORY = 5;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int START = 8;
    private static final int ELEMENT = 9;
    private static final int DATA = 11;

    private final Module module;
    private final WasmLimits limits;
    private ModuleContext context;
    /** The section being checked and the entry in it (-1: the whole section): errors point there. */
    private int section;
    private int entry = -1;

    ModuleValidator(Module module, WasmLimits limits) {
        this.module = module;
        this.limits = limits;
    }

    private long offset() {
        return EntryOffsets.entry(module.bytes(), section, entry);
    }

    private void at(int sectionId, int entryIndex) {
        section = sectionId;
        entry = entryIndex;
    }

    private InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(offset(), reason);
    }

    private ResourceLimitException tooLarge(String reason) {
        return new ResourceLimitException(offset(), reason);
    }

    /** Checks everything outside function bodies and returns the context for the bodies. */
    ModuleContext validate() {
        checkTypeIndexes();
        context = new ModuleContext(module);
        int[] tableImports = importEntries(ExternKind.TABLE);
        for (int i = 0; i < context.tables.length; i++) {
            atIndexSpace(tableImports, TABLE, i);
            tableType(context.tables[i]);
        }
        int[] memoryImports = importEntries(ExternKind.MEMORY);
        for (int i = 0; i < context.memories.length; i++) {
            atIndexSpace(memoryImports, MEMORY, i);
            memoryType(context.memories[i]);
        }
        if (context.memories.length > 1) {
            atIndexSpace(memoryImports, MEMORY, 1);
            throw invalid("multiple memories: " + context.memories.length + " (WebAssembly 2.0 allows one)");
        }
        List<Global> globals = module.globals();
        for (int i = 0; i < globals.size(); i++) {
            at(GLOBAL, i);
            expect(globals.get(i).type().type(), constExpr(globals.get(i).init()), "global initializer");
        }
        List<ElementSegment> elements = module.elements();
        for (int i = 0; i < elements.size(); i++) {
            at(ELEMENT, i);
            elementSegment(elements.get(i));
        }
        List<DataSegment> data = module.data();
        for (int i = 0; i < data.size(); i++) {
            at(DATA, i);
            if (data.get(i).mode() instanceof DataSegment.Active a) {
                if (a.memoryIndex() < 0 || a.memoryIndex() >= context.memories.length) {
                    throw invalid("unknown memory " + Integer.toUnsignedString(a.memoryIndex()));
                }
                expect(ValType.I32, constExpr(a.offset()), "data segment offset");
            }
        }
        at(START, -1);
        startFunction();
        exports();
        return context;
    }

    /** Import entry of each imported entity of {@code kind}, in index-space order. */
    private int[] importEntries(ExternKind kind) {
        List<Import> imports = module.imports();
        int[] entries = new int[imports.size()];
        int n = 0;
        for (int i = 0; i < imports.size(); i++) {
            if (imports.get(i).desc().kind() == kind) {
                entries[n++] = i;
            }
        }
        return Arrays.copyOf(entries, n);
    }

    /** Points errors at entity {@code index}: an import entry, or an entry of its own section. */
    private void atIndexSpace(int[] importEntries, int sectionId, int index) {
        if (index < importEntries.length) {
            at(IMPORT, importEntries[index]);
        } else {
            at(sectionId, index - importEntries.length);
        }
    }

    private void checkTypeIndexes() {
        int types = module.types().size();
        List<Import> imports = module.imports();
        for (int n = 0; n < imports.size(); n++) {
            Import i = imports.get(n);
            if (i.desc() instanceof ImportDesc.Func f && (f.typeIndex() < 0 || f.typeIndex() >= types)) {
                at(IMPORT, n);
                throw invalid("unknown type " + Integer.toUnsignedString(f.typeIndex()) + " in import "
                        + Printable.of(i.module()) + "." + Printable.of(i.name()));
            }
        }
        List<Integer> functionTypes = module.functionTypes();
        for (int i = 0; i < functionTypes.size(); i++) {
            int index = functionTypes.get(i);
            if (index < 0 || index >= types) {
                at(FUNCTION, i);
                throw invalid("unknown type " + Integer.toUnsignedString(index) + " of function " + i);
            }
        }
    }

    /** §3.2.4: table limits within u32 (always, as encoded) and min not above max. */
    private void tableType(TableType t) {
        limitsOrder(t.limits());
        if (t.limits().min() > limits.tableSize()) {
            throw tooLarge("table too large: " + t.limits().min() + " elements (limit "
                    + limits.tableSize() + ")");
        }
    }

    /** §3.2.5: memory limits at most 65536 pages and min not above max. */
    private void memoryType(MemoryType m) {
        Limits l = m.limits();
        if (l.min() > MemoryType.MAX_PAGES || (l.hasMax() && l.max() > MemoryType.MAX_PAGES)) {
            throw invalid("memory size must be at most 65536 pages (4GiB)");
        }
        limitsOrder(l);
        if (l.min() > limits.memoryPages()) {
            throw tooLarge("memory too large: " + l.min() + " pages (limit "
                    + limits.memoryPages() + ")");
        }
    }

    private void limitsOrder(Limits l) {
        if (l.hasMax() && l.min() > l.max()) {
            throw invalid("size minimum must not be greater than maximum (" + l.min() + " > " + l.max() + ")");
        }
    }

    /**
     * Type of a constant expression (§3.3.10). In WebAssembly 2.0, {@code global.get} may only read
     * imported immutable globals, because only those are in the context of initializers.
     */
    private ValType constExpr(ConstExpr expr) {
        return switch (expr) {
            case ConstExpr.I32Const c -> ValType.I32;
            case ConstExpr.I64Const c -> ValType.I64;
            case ConstExpr.F32Const c -> ValType.F32;
            case ConstExpr.F64Const c -> ValType.F64;
            case ConstExpr.RefNull r -> r.type();
            case ConstExpr.RefFunc r -> {
                if (r.funcIndex() < 0 || r.funcIndex() >= context.functions.length) {
                    throw invalid("unknown function " + Integer.toUnsignedString(r.funcIndex()));
                }
                yield ValType.FUNCREF;
            }
            case ConstExpr.GlobalGet g -> {
                if (g.globalIndex() < 0 || g.globalIndex() >= context.importedGlobals) {
                    throw invalid("unknown global " + Integer.toUnsignedString(g.globalIndex())
                            + " (initializers may only read imported globals)");
                }
                if (context.globals[g.globalIndex()].mutable()) {
                    throw invalid("constant expression required: global " + g.globalIndex() + " is mutable");
                }
                yield context.globals[g.globalIndex()].type();
            }
        };
    }

    private void expect(ValType expected, ValType actual, String where) {
        if (expected != actual) {
            throw invalid("type mismatch: " + where + " is " + actual.text() + ", expected " + expected.text());
        }
    }

    private void elementSegment(ElementSegment e) {
        if (e.init() instanceof ElementInits compact) {
            for (int i = 0; i < compact.size(); i++) {
                int index = compact.functionIndex(i);
                if (index >= context.functions.length) {
                    throw invalid("unknown function " + index);
                }
            }
        } else {
            for (ConstExpr init : e.init()) {
                expect(e.type(), constExpr(init), "element");
            }
        }
        if (e.mode() instanceof ElementSegment.Active a) {
            if (a.tableIndex() < 0 || a.tableIndex() >= context.tables.length) {
                throw invalid("unknown table " + Integer.toUnsignedString(a.tableIndex()));
            }
            expect(ValType.I32, constExpr(a.offset()), "element segment offset");
            TableType table = context.tables[a.tableIndex()];
            if (table.elementType() != e.type()) {
                throw invalid("type mismatch: element segment of " + e.type().text() + " for a table of "
                        + table.elementType().text());
            }
        }
    }

    /** §3.4.10: the start function must exist and have type [] -> []. */
    private void startFunction() {
        int start = module.start();
        if (start == -1) {
            return;
        }
        if (start < 0 || start >= context.functions.length) {
            throw invalid("unknown function " + (start == Integer.MIN_VALUE ? "4294967295" : Integer.toUnsignedString(start))
                    + " (start)");
        }
        FuncType type = context.functions[start];
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw invalid("start function must have type [] -> [], not " + type);
        }
    }

    private void exports() {
        Set<String> names = new HashSet<>();
        List<Export> exports = module.exports();
        for (int i = 0; i < exports.size(); i++) {
            Export e = exports.get(i);
            at(EXPORT, i);
            int count = switch (e.kind()) {
                case FUNC -> context.functions.length;
                case TABLE -> context.tables.length;
                case MEMORY -> context.memories.length;
                case GLOBAL -> context.globals.length;
            };
            if (e.index() < 0 || e.index() >= count) {
                throw invalid("unknown " + e.kind().name().toLowerCase(Locale.ROOT).replace("func", "function")
                        + " " + Integer.toUnsignedString(e.index()) + " in export \"" + Printable.of(e.name()) + "\"");
            }
            if (!names.add(e.name())) {
                throw invalid("duplicate export name \"" + Printable.of(e.name()) + "\"");
            }
        }
    }
}
