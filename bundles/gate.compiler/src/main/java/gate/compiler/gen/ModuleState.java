package gate.compiler.gen;

import gate.compiler.x86.TrapStubs;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Rel32;
import gate.wasm.ConstExpr;
import gate.wasm.FuncType;
import gate.wasm.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * What the code generation of one module shares across its functions: the text, the trap stubs,
 * a label per function (direct calls are patched when the callee is bound), canonical signature
 * ids, the globals area layout and the stack map being built.
 */
public final class ModuleState {
    /** Bytes per entry of the function table (see {@link #functionTable()}). */
    public static final int FUNCTION_ENTRY_SIZE = 8;

    private final Module module;
    private final CodeBuffer code;
    private final TrapStubs stubs;
    private final Label[] functions;
    private final Label[] registerEntries;
    private final boolean[] referenced;
    private final boolean[] exported;
    private final int[] typeIds;
    private final AreaLayout area;
    private final boolean withLzcnt;
    private final List<Site> sites = new ArrayList<>();
    private final List<FunctionInfo> infos = new ArrayList<>();
    private final List<TrapRange> trapRanges = new ArrayList<>();
    private int functionTable;
    /** {@code module.importedFunctionCount()}, which counts the imports on every call. */
    private final int importedFunctions;
    /** RegisterArgs per parameter list (a type's list is one object, hence identity). */
    private final java.util.IdentityHashMap<List<gate.wasm.ValType>, RegisterArgs> registerArgs =
            new java.util.IdentityHashMap<>();
    /** Per defined function: 0 not scanned yet, 1 no guard shape, 2 {@link #guards} holds it. */
    private byte[] guardScan;
    private GuardShape[] guards;
    private int[] dataText = new int[0];

    public ModuleState(Module module, CodeBuffer code, boolean withLzcnt) {
        this.module = module;
        this.code = code;
        this.withLzcnt = withLzcnt;
        this.importedFunctions = module.importedFunctionCount();
        this.stubs = TrapStubs.emit(code);
        this.area = AreaLayout.of(module);
        this.functions = new Label[module.functionCount()];
        this.registerEntries = new Label[module.functionCount()];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = new Label();
            registerEntries[i] = new Label();
        }
        this.exported = new boolean[module.functionCount()];
        for (var export : module.exports()) {
            if (export.kind() == gate.wasm.ExternKind.FUNC) {
                exported[export.index()] = true;
            }
        }
        this.referenced = referencedFunctions(module);
        List<FuncType> types = module.types();
        this.typeIds = new int[types.size()];
        for (int i = 0; i < typeIds.length; i++) {
            // Structural equality is the signature check of core §4.4.8 (call_indirect).
            typeIds[i] = types.indexOf(types.get(i));
        }
    }

    public Module module() {
        return module;
    }

    public CodeBuffer code() {
        return code;
    }

    /** The number of imported functions (the index of the first defined one). */
    public int importedFunctions() {
        return importedFunctions;
    }

    /** {@link RegisterArgs#of} for {@code params}, made once per parameter list. */
    public RegisterArgs registerArgs(List<gate.wasm.ValType> params) {
        RegisterArgs args = registerArgs.get(params);
        if (args == null) {
            args = RegisterArgs.of(params);
            registerArgs.put(params, args);
        }
        return args;
    }

    public TrapStubs stubs() {
        return stubs;
    }

    public AreaLayout area() {
        return area;
    }

    /** True when the CPU has LZCNT and TZCNT. */
    public boolean withLzcnt() {
        return withLzcnt;
    }

    /** The label of function {@code index} (bound at its first instruction). */
    public Label function(int index) {
        return functions[index];
    }

    /**
     * The entry of defined function {@code index} for direct calls from compiled code, with the
     * parameters of {@link RegisterArgs} in registers (bound after the memory entry that
     * {@link #function} labels).
     */
    public Label registerEntry(int index) {
        return registerEntries[index];
    }

    /**
     * The {@link GuardShape} of defined function {@code index}, or null (scanned once, on the
     * first question: by its callers or by its own compilation).
     */
    public GuardShape guardShape(int index) {
        int defined = index - importedFunctions;
        if (defined < 0) {
            return null;
        }
        if (guardScan == null) {
            guardScan = new byte[module.code().size()];
            guards = new GuardShape[guardScan.length];
        }
        if (guardScan[defined] == 0) {
            var body = module.code().get(defined);
            guards[defined] = GuardShape.of(module.bytes(), body.codeStart(), body.end());
            guardScan[defined] = (byte) (guards[defined] == null ? 1 : 2);
        }
        return guards[defined];
    }

    /**
     * True if a call of function {@code index} may return without passing its entry stack
     * check, which is also its suspension point: a {@link GuardShape}, guard or leaf (imports:
     * their stubs have no check either, but calls of imports never poll).
     */
    public boolean mayReturnFrameless(int index) {
        return guardShape(index) != null;
    }

    /**
     * True if function {@code index} can be reached other than by a direct call from compiled
     * code: exported (invoke thunks) or named by a function reference in an element segment or
     * a global's initializer, which covers every {@code ref.func} in code (core §3.4.10, C.refs)
     * and every table entry (call_indirect).
     */
    public boolean referenced(int index) {
        return referenced[index];
    }

    /**
     * True if a caller of function {@code index} may read a single integer result from the
     * result slot rather than rax: an invoke thunk (exports), or call_indirect in a module with
     * imported functions or foreign ones (AreaLayout), whose table entries may be host functions
     * or other instances' (results in the slot only).
     */
    public boolean resultSlotRead(int index) {
        if (!referenced[index]) {
            return false;
        }
        if (tablesMayHoldOthersCode()) {
            return true; // call_indirect reads the slot: host and foreign functions write only that
        }
        return exported[index];
    }

    /**
     * Whether a table may hold functions that are not this module's code: imported (host)
     * functions or other instances' (foreign, AreaLayout). They return results in the slot only.
     */
    public boolean tablesMayHoldOthersCode() {
        return importedFunctions > 0 || area.foreign().capacity() > 0;
    }

    private static boolean[] referencedFunctions(Module module) {
        boolean[] referenced = new boolean[module.functionCount()];
        for (var export : module.exports()) {
            if (export.kind() == gate.wasm.ExternKind.FUNC) {
                referenced[export.index()] = true;
            }
        }
        for (var segment : module.elements()) {
            for (var init : segment.init()) {
                if (init instanceof ConstExpr.RefFunc ref) {
                    referenced[ref.funcIndex()] = true;
                }
            }
        }
        for (var global : module.globals()) {
            if (global.init() instanceof ConstExpr.RefFunc ref) {
                referenced[ref.funcIndex()] = true;
            }
        }
        return referenced;
    }

    /** Canonical id of type {@code typeIndex}. */
    public int typeId(int typeIndex) {
        return typeIds[typeIndex];
    }

    /** Canonical id of the type of function {@code index}. */
    public int functionTypeId(int index) {
        int imported = importedFunctions;
        if (index >= imported) {
            return typeIds[module.functionTypes().get(index - imported)];
        }
        int n = 0;
        for (var imp : module.imports()) {
            if (imp.desc() instanceof gate.wasm.ImportDesc.Func f) {
                if (n++ == index) {
                    return typeIds[f.typeIndex()];
                }
            }
        }
        throw new IllegalArgumentException("function " + index);
    }

    /**
     * Text offset of the function table: per function, 8 bytes, the low half the text offset of
     * its register entry and the high half its canonical type id (call_indirect reads it).
     * The 4 bytes right before it are the type id of entry -1, the null element's: never a
     * type id ({@link #reserveFunctionTable}).
     */
    public int functionTable() {
        return functionTable;
    }

    /**
     * A type id no signature has (ids are type indices): a null table element (-1) reads the
     * type id of entry -1, the 4 bytes before the function table, and they are never an id,
     * so call_indirect's signature compare rejects null too and needs no null check of its
     * own (it tells the traps apart out of line). Entry -1's offset half is never read.
     */
    public static final int NO_TYPE = -1;

    /**
     * Reserves the function table at the current position; filled by {@link #fillTable}.
     * The trap stubs' int3 padding (0xCCCCCCCC, negative) before it serves as entry -1's type
     * id as it is, which keeps every function where it was (the hot loops of some programs are
     * sensitive to their placement); anything that could be an id gets {@link #NO_TYPE} after it.
     */
    public void reserveFunctionTable() {
        int before = code.position() >= 4 ? code.read32(code.position() - 4) : 0;
        if (before >= 0 && before < typeIds.length) {
            code.emit32(NO_TYPE);
        }
        functionTable = code.position();
        code.fill(0, FUNCTION_ENTRY_SIZE * functions.length);
    }

    /**
     * Writes every function's entry once all are bound: its register entry (call_indirect
     * passes arguments as a direct call does). An imported function gets one here, an adapter
     * that stores the register arguments to the outgoing area, where its stub expects them, and
     * jumps to the stub (its return address stays the caller's CALL site).
     */
    public void fillTable() {
        int imported = importedFunctions;
        for (int i = 0; i < imported; i++) {
            registerEntries[i].bind(code);
            RegisterArgs.of(module.functionType(i).params())
                    .store(code, k -> Memory.at(Reg.RSP, 8 + 8 * k));
            Rel32.JMP.to(code, functions[i]);
        }
        for (int i = 0; i < functions.length; i++) {
            int at = functionTable + FUNCTION_ENTRY_SIZE * i;
            code.patch32(at, registerEntries[i].address());
            code.patch32(at + 4, functionTypeId(i));
        }
    }

    /** Emits the bytes of every data segment into the text (memory.init reads them). */
    public void emitDataSegments() {
        dataText = new int[module.data().size()];
        byte[] bytes = module.bytes();
        for (int i = 0; i < dataText.length; i++) {
            var segment = module.data().get(i);
            dataText[i] = code.position();
            code.emitBytes(bytes, segment.offset(), segment.length());
        }
    }

    /** Text offset of data segment {@code index}'s bytes. */
    public int dataText(int index) {
        return dataText[index];
    }

    public void addSite(Site site) {
        sites.add(site);
    }

    public List<Site> sites() {
        return sites;
    }

    public void addTrapRange(TrapRange range) {
        trapRanges.add(range);
    }

    public List<TrapRange> trapRanges() {
        return trapRanges;
    }

    public void addInfo(FunctionInfo info) {
        infos.add(info);
    }

    public List<FunctionInfo> infos() {
        return infos;
    }
}
