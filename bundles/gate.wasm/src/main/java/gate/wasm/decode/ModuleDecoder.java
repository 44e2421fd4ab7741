package gate.wasm.decode;

import gate.wasm.CustomSection;
import gate.wasm.DataSegment;
import gate.wasm.ElementSegment;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.FunctionBody;
import gate.wasm.Global;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.InvalidModuleException;
import gate.wasm.MalformedModuleException;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.Names;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a module binary (core spec §5.5) into a {@link Module}: header, sections in their
 * required order, and the cross-section length rules. Function bodies stay byte ranges; the
 * validator decodes their instructions.
 *
 * <p>Confined to one thread; one instance per binary.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6d736100; // "\0asm" little-endian
    private static final int VERSION = 1;
    /** Most entries kept from a name section, over all its maps. */
    private static final int NAME_ENTRIES = 1_000_000;

    private final byte[] bytes;
    private final WasmLimits limits;
    private final CodeReader in;
    private final ConstExprReader constExprs;
    private final SectionOrder order = new SectionOrder();

    private final List<FuncType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<FunctionBody> code = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customSections = new ArrayList<>();
    private final int[] importCounts = new int[ExternKind.values().length];
    private int start = -1;
    private int dataCount = -1;
    private boolean sawCodeSection;
    private Names names = Names.EMPTY;

    private ModuleDecoder(byte[] bytes, WasmLimits limits) {
        this.bytes = bytes;
        this.limits = limits;
        this.in = new CodeReader(bytes);
        this.constExprs = new ConstExprReader(in);
    }

    /**
     * Decodes {@code bytes}, which the returned module keeps (the caller must not modify them).
     *
     * @throws MalformedModuleException if the bytes are not a module binary
     * @throws ResourceLimitException if the module exceeds {@code limits}
     * @throws InvalidModuleException if it is well formed but a constant expression is not one the
     *     model can hold (core spec §3.3.10); the decoder finishes decoding first
     */
    public static Module decode(byte[] bytes, WasmLimits limits) {
        return new ModuleDecoder(bytes, limits).module();
    }

    private Module module() {
        if (bytes.length > limits.moduleSize()) {
            throw new ResourceLimitException(0, "module too large: " + bytes.length + " bytes (limit "
                    + limits.moduleSize() + ")");
        }
        header();
        while (!in.atEnd()) {
            section();
        }
        checkFunctionAndCodeLengths();
        if (dataCount >= 0 && dataCount != data.size()) {
            throw CodeReader.malformed(bytes.length, "data count and data section have inconsistent lengths: "
                    + dataCount + " and " + data.size());
        }
        Module module = new Module(bytes, types, imports, functionTypes, tables, memories, globals, exports, start,
                elements, dataCount, code, data, customSections, names);
        if (constExprs.firstInvalid() != null) {
            // malformed code anywhere outranks the invalid expression (decoding comes first)
            BodyScanner.scanFrom(module, 0);
            throw constExprs.firstInvalid();
        }
        return module;
    }

    private void header() {
        if (bytes.length < 4) {
            throw CodeReader.malformed(bytes.length, "unexpected end: " + bytes.length + " bytes are no module header");
        }
        if (in.f32Bits() != MAGIC) {
            throw CodeReader.malformed(0, "magic header not detected");
        }
        if (bytes.length < 8) {
            throw CodeReader.malformed(4, "unexpected end: no binary version");
        }
        int version = in.f32Bits();
        if (version != VERSION) {
            throw CodeReader.malformed(4, "unknown binary version 0x" + Integer.toHexString(version));
        }
    }

    private void section() {
        int at = in.position();
        int id = in.u8();
        order.accept(id, at);
        int sizeAt = in.position();
        long size = in.u32Long();
        if (size > in.remaining()) {
            throw CodeReader.malformed(sizeAt, "length out of bounds: section of " + size + " bytes, "
                    + in.remaining() + " left");
        }
        int end = in.position() + (int) size;
        in.limit(end);
        switch (id) {
            case 0 -> customSection(end);
            case 1 -> typeSection();
            case 2 -> importSection();
            case 3 -> functionSection();
            case 4 -> tableSection();
            case 5 -> memorySection();
            case 6 -> globalSection();
            case 7 -> exportSection();
            case 8 -> start = startIndex();
            case 9 -> elementSection();
            case 10 -> codeSection();
            case 11 -> dataSection();
            case 12 -> dataCount = in.count(0, limits.dataSegments(), "data segments");
            default -> throw new IllegalStateException("SectionOrder accepted id " + id);
        }
        if (in.position() != end) {
            throw CodeReader.malformed(in.position(), "section size mismatch: section " + id + " ends at "
                    + end + " but its content at " + in.position());
        }
        in.clearLimit();
    }

    /** The start index; 2^32-1 becomes MIN_VALUE, since the model's -1 means "no start". */
    private int startIndex() {
        int index = in.index();
        return index == -1 ? Integer.MIN_VALUE : index;
    }

    private void customSection(int end) {
        if (customSections.size() >= limits.customSections()) {
            throw new ResourceLimitException(in.position(), "too many custom sections (limit "
                    + limits.customSections() + ")");
        }
        String name = in.name(limits.nameLength());
        int payload = in.position();
        customSections.add(new CustomSection(name, payload, end - payload, order.lastKnownId()));
        if (name.equals("name")) {
            // names are advisory: a million entries is plenty, and the names of functions that
            // do not exist (yet: the section should come last) are dropped
            names = NameSectionReader.read(bytes, payload, end, limits.nameLength(), NAME_ENTRIES,
                    importCounts[ExternKind.FUNC.ordinal()] + functionTypes.size());
        }
        in.position(end);
    }

    private void typeSection() {
        int count = in.count(1, limits.types(), "types");
        for (int i = 0; i < count; i++) {
            types.add(TypeReader.funcType(in, limits));
        }
    }

    private void importSection() {
        int count = in.count(1, limits.imports(), "imports");
        for (int i = 0; i < count; i++) {
            String module = in.name(limits.nameLength());
            String name = in.name(limits.nameLength());
            int kindAt = in.position();
            int kind = in.u8();
            ImportDesc desc = switch (kind) {
                case 0 -> new ImportDesc.Func(in.index());
                case 1 -> new ImportDesc.Table(TypeReader.tableType(in));
                case 2 -> new ImportDesc.Memory(TypeReader.memoryType(in));
                case 3 -> new ImportDesc.Global(TypeReader.globalType(in));
                default -> throw CodeReader.malformed(kindAt, "malformed import kind 0x" + Integer.toHexString(kind));
            };
            imports.add(new Import(module, name, desc));
            countImport(desc.kind(), kindAt);
        }
    }

    private void countImport(ExternKind kind, int at) {
        int n = ++importCounts[kind.ordinal()];
        int max = switch (kind) {
            case FUNC -> limits.functions();
            case TABLE -> limits.tables();
            case MEMORY -> limits.memories();
            case GLOBAL -> limits.globals();
        };
        if (n > max) {
            throw new ResourceLimitException(at, "too many imported " + kind.name().toLowerCase() + "s (limit " + max + ")");
        }
    }

    private int left(ExternKind kind, int max) {
        return max - importCounts[kind.ordinal()];
    }

    private void functionSection() {
        int count = in.count(1, left(ExternKind.FUNC, limits.functions()), "functions");
        for (int i = 0; i < count; i++) {
            functionTypes.add(in.index());
        }
    }

    private void tableSection() {
        int count = in.count(1, left(ExternKind.TABLE, limits.tables()), "tables");
        for (int i = 0; i < count; i++) {
            tables.add(TypeReader.tableType(in));
        }
    }

    private void memorySection() {
        int count = in.count(1, left(ExternKind.MEMORY, limits.memories()), "memories");
        for (int i = 0; i < count; i++) {
            memories.add(TypeReader.memoryType(in));
        }
    }

    private void globalSection() {
        int count = in.count(1, left(ExternKind.GLOBAL, limits.globals()), "globals");
        for (int i = 0; i < count; i++) {
            globals.add(new Global(TypeReader.globalType(in), constExprs.read()));
        }
    }

    private void exportSection() {
        int count = in.count(1, limits.exports(), "exports");
        for (int i = 0; i < count; i++) {
            String name = in.name(limits.nameLength());
            int kindAt = in.position();
            int kind = in.u8();
            if (kind > 3) {
                throw CodeReader.malformed(kindAt, "malformed export kind 0x" + Integer.toHexString(kind));
            }
            exports.add(new Export(name, ExternKind.values()[kind], in.index()));
        }
    }

    private void elementSection() {
        int count = in.count(1, limits.elementSegments(), "element segments");
        SegmentReader segments = new SegmentReader(in, constExprs, limits);
        for (int i = 0; i < count; i++) {
            elements.add(segments.element());
        }
    }

    private void codeSection() {
        sawCodeSection = true;
        int at = in.position();
        int count = in.count(1, limits.functions(), "function bodies");
        if (count != functionTypes.size()) {
            throw CodeReader.malformed(at, "function and code section have inconsistent lengths: "
                    + functionTypes.size() + " and " + count);
        }
        CodeSectionReader bodies = new CodeSectionReader(in, limits);
        for (int i = 0; i < count; i++) {
            int typeIndex = functionTypes.get(i);
            FuncType type = typeIndex >= 0 && typeIndex < types.size() ? types.get(typeIndex) : null;
            code.add(bodies.body(type));
        }
    }

    private void dataSection() {
        int at = in.position();
        int count = in.count(1, limits.dataSegments(), "data segments");
        if (dataCount >= 0 && count != dataCount) {
            throw CodeReader.malformed(at, "data count and data section have inconsistent lengths: "
                    + dataCount + " and " + count);
        }
        SegmentReader segments = new SegmentReader(in, constExprs, limits);
        for (int i = 0; i < count; i++) {
            data.add(segments.data());
        }
    }

    /** Core spec §5.5.16: the function and code sections have the same length, absent means 0. */
    private void checkFunctionAndCodeLengths() {
        if (!sawCodeSection && !functionTypes.isEmpty()) {
            throw CodeReader.malformed(bytes.length, "function and code section have inconsistent lengths: "
                    + functionTypes.size() + " functions but no code section");
        }
    }
}
