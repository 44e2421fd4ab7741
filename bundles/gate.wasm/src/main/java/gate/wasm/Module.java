package gate.wasm;

import java.util.List;

/**
 * A decoded WebAssembly module (core spec §2.5). Produced by the decoder; "validated" only when it
 * came out of the validator. Large parts (code, data, custom sections) are ranges of {@link
 * #bytes()}, which must not be modified.
 *
 * <p>Index spaces put imports first: function {@code i < importedFunctionCount()} is an import.
 *
 * @param functionTypes type index of each defined (non-imported) function
 * @param start start function index, or -1
 * @param dataCount value of the data count section, or -1 when absent
 */
public record Module(
        byte[] bytes,
        List<FuncType> types,
        List<Import> imports,
        List<Integer> functionTypes,
        List<TableType> tables,
        List<MemoryType> memories,
        List<Global> globals,
        List<Export> exports,
        int start,
        List<ElementSegment> elements,
        int dataCount,
        List<FunctionBody> code,
        List<DataSegment> data,
        List<CustomSection> customSections,
        Names names) {

    public Module {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functionTypes = List.copyOf(functionTypes);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        code = List.copyOf(code);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
    }

    private int countImports(ExternKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.desc().kind() == kind) {
                n++;
            }
        }
        return n;
    }

    public int importedFunctionCount() {
        return countImports(ExternKind.FUNC);
    }

    public int importedTableCount() {
        return countImports(ExternKind.TABLE);
    }

    public int importedMemoryCount() {
        return countImports(ExternKind.MEMORY);
    }

    public int importedGlobalCount() {
        return countImports(ExternKind.GLOBAL);
    }

    /** Size of the function index space: imports plus defined functions. */
    public int functionCount() {
        return importedFunctionCount() + functionTypes.size();
    }

    /** Signature of function {@code index} in the function index space (imports first). */
    public FuncType functionType(int index) {
        int imported = 0;
        for (Import i : imports) {
            if (i.desc() instanceof ImportDesc.Func f) {
                if (imported == index) {
                    return types.get(f.typeIndex());
                }
                imported++;
            }
        }
        return types.get(functionTypes.get(index - imported));
    }

    /** Type of global {@code index} in the global index space (imports first). */
    public GlobalType globalType(int index) {
        int imported = 0;
        for (Import i : imports) {
            if (i.desc() instanceof ImportDesc.Global g) {
                if (imported == index) {
                    return g.type();
                }
                imported++;
            }
        }
        return globals.get(index - imported).type();
    }

    /** The export with this name, or null. */
    public Export export(String name) {
        for (Export e : exports) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
