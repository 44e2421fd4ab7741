package gate.compiler;

import gate.compiler.codegen.FunctionCompiler;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.ModuleState;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.compiler.x86.RuntimeSlot;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegInOpcode;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.Rel32;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.ImportDesc;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-pass WebAssembly 2.0 (without SIMD) to x86-64 compiler (project issue 4). Input
 * must be validated ({@code gate.wasm.Wasm.load}); output runs under the native runtime's ABI
 * (runtime.native DESIGN.md §5). Thread-safe: every call has its own state.
 */
public final class Compiler {
    /**
     * Version of the generated code's conventions; part of the on-disk cache key with the
     * module hash. Increment (in {@link #version}) on any change of the text, maps or layout.
     * Not a compile-time constant, so that code compiled against an older compiler (the
     * executor's program cache) reads the version of the compiler it runs with.
     */
    public static final int COMPILER_VERSION = version();

    private static int version() {
        // 6: direct calls pass parameters in registers (RegisterArgs); unreferenced functions
        // return a single integer result in rax only; imports call the runtime's host slot;
        // foreign functions in tables (AreaLayout) and invoke thunks for referenced functions.
        // 7: runs of 16 or more declared locals in frame slots are initialised by a loop.
        // 8: the first integer parameter stays in r8; local +/- constant straight into an
        // argument register (h3's later commits).
        // 9: shrink wrapping of GuardShape bodies (frameless early exit; ENTRY resumes through
        // the memory entry).
        // 10: the entry check follows the frame's allocation (sub rsp, frame; cmp rsp, rbx),
        // and frames include 16 bytes for a callee's return address and saved rbp.
        // 11: frameless leaves (GuardShape leaf: pure bodies, parameters kept in their
        // argument registers); rotations, bit counts, sign extensions, select in GuardShape.
        // 12: br_table jumps through a table of 32-bit offsets after the function (one
        // indirect jump instead of two).
        // 13: call-free bodies keep two more integer locals in rdx and rdi (no division,
        // memory.size/grow or bulk instructions) and two more float locals in xmm7 and xmm6.
        // 14: calls store only homes written since the last store or reload (no merge in
        // between), and skip reloading the local that the next local.set/tee overwrites.
        // 15: float constants load from literals after the function (one movsd).
        // 16: loop headers aligned to 16 bytes. 17: not any more (bytecode.wasm's dispatch
        // loop lost 30% with it, while sieve gained; the layout effect is not alignment alone).
        // 18: function table entry -1 (a type id no signature has) for null elements: call_indirect's signature
        // compare rejects null (no separate null check without foreign functions); call-free
        // bodies keep a third extra integer local in rsi.
        // 19: i64 operators with constants beyond imm32 read 8-byte literals (imul r64, [rip]).
        // 20: entry -1 of the function table is the stubs' padding (functions back where 17
        // had them).
        // 21: the headers of tight loops (TightLoop: small, innermost, call-free) start a
        // 16-byte fetch block.
        return 21;
    }

    private final boolean withLzcnt;

    /** @param withLzcnt true when the target CPU has LZCNT and TZCNT (ABM, BMI1) */
    public Compiler(boolean withLzcnt) {
        this.withLzcnt = withLzcnt;
    }

    /**
     * Compiles {@code module}. {@code entryFunction} (or -1) is called by the entry routine after
     * the start function; it must take no parameters (its results are ignored).
     */
    public CompiledProgram compile(Module module, int entryFunction) {
        if (entryFunction >= module.functionCount()
                || entryFunction >= 0 && !module.functionType(entryFunction).params().isEmpty()) {
            throw new IllegalArgumentException("entry function " + entryFunction
                    + " must exist and take no parameters");
        }
        // Text is typically 3-4 times the code section, plus stubs, tables and passive data.
        long estimate = 4096 + 16L * module.functionCount();
        for (var body : module.code()) {
            estimate += 4L * (body.end() - body.bodyStart());
        }
        for (var segment : module.data()) {
            estimate += segment.length();
        }
        CodeBuffer code = new CodeBuffer(CodeBuffer.DEFAULT_LIMIT,
                (int) Math.min(estimate, 64 << 20));
        ModuleState state = new ModuleState(module, code, withLzcnt);
        state.reserveFunctionTable();
        state.emitDataSegments();
        align(code);
        importStubs(state);
        Map<Integer, Integer> foreignEntries = foreignEntries(state);
        int entry = entryRoutine(state, entryFunction);
        int resume = code.position();
        RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        NoOperand.RET.emit(code);
        Map<Integer, Integer> functionThunks = new LinkedHashMap<>();
        // Every defined function a table, a global or an export can hand out: another instance
        // may call it through the host, by index (ModuleState#referenced, core spec §3.4.4).
        for (int function = module.importedFunctionCount(); function < module.functionCount(); function++) {
            if (state.referenced(function)) {
                align(code);
                functionThunks.put(function, thunk(state, function));
            }
        }
        Map<String, Integer> thunks = new LinkedHashMap<>();
        for (Export export : module.exports()) {
            if (export.kind() == ExternKind.FUNC) {
                Integer shared = functionThunks.get(export.index());
                if (shared == null) {
                    align(code);
                    shared = thunk(state, export.index());
                }
                thunks.put(export.name(), shared);
            }
        }
        for (int i = module.importedFunctionCount(); i < module.functionCount(); i++) {
            align(code);
            FunctionCompiler.compile(state, i);
        }
        state.fillTable();
        MemoryType memory = memory(module);
        long pages = memory == null ? 0 : memory.limits().min();
        long max = memory == null ? 0
                : memory.limits().hasMax() ? memory.limits().max() : MemoryType.MAX_PAGES;
        return new CompiledProgram(COMPILER_VERSION, code.toByteArray(), entry, resume,
                state.infos(), thunks, state.sites(), state.trapRanges(), state.area(), pages,
                max, foreignEntries, functionThunks);
    }

    /**
     * The entries call_indirect enters for a function of another instance (AreaLayout foreign
     * functions), per canonical type id: an adapter that stores the register arguments to the
     * outgoing area (as for an imported function in a table) and jumps to the foreign stub, which
     * calls the host slot; the host finds the function in the area's pending cell. Empty when the
     * module has no foreign functions.
     */
    private static Map<Integer, Integer> foreignEntries(ModuleState state) {
        Map<Integer, Integer> entries = new LinkedHashMap<>();
        if (state.area().foreign().capacity() == 0) {
            return entries;
        }
        CodeBuffer code = state.code();
        align(code);
        int stub = code.position();
        RegInOpcode.PUSH.reg(code, Size.QWORD, Reg.RBP);
        RegImm.MOV.regImm(code, Size.DWORD, Reg.RDI, CompiledProgram.FOREIGN_CALL);
        int site = RuntimeSlot.HOST.call(code);
        state.addSite(new Site(site, SiteKind.IMPORT, -1, 0, List.of()));
        RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        NoOperand.RET.emit(code);
        List<FuncType> types = state.module().types();
        for (int t = 0; t < types.size(); t++) {
            int id = state.typeId(t);
            if (!entries.containsKey(id)) {
                align(code);
                entries.put(id, code.position());
                gate.compiler.gen.RegisterArgs.of(types.get(t).params())
                        .store(code, k -> Memory.at(Reg.RSP, 8 + 8 * k));
                Rel32.JMP.to(code, stub);
            }
        }
        return entries;
    }

    private static MemoryType memory(Module module) {
        for (var imp : module.imports()) {
            if (imp.desc() instanceof ImportDesc.Memory m) {
                return m.type();
            }
        }
        return module.memories().isEmpty() ? null : module.memories().get(0);
    }

    private static void align(CodeBuffer code) {
        code.fill(0xcc, -code.position() & 15);
    }

    /**
     * Imported functions call the runtime's host slot (RUNTIME-NEEDS.md §3): the host serves the
     * call while the process waits, then {@code pop rbp; ret} returns to the caller, which reads
     * the results from its outgoing area.
     */
    private static void importStubs(ModuleState state) {
        CodeBuffer code = state.code();
        for (int i = 0; i < state.module().importedFunctionCount(); i++) {
            align(code);
            int start = code.position();
            state.function(i).bind(code);
            // rbp saved so that the stack can be walked from the stop (RUNTIME-NEEDS.md §4).
            RegInOpcode.PUSH.reg(code, Size.QWORD, Reg.RBP);
            RegImm.MOV.regImm(code, Size.DWORD, Reg.RDI, i);
            int site = RuntimeSlot.HOST.call(code);
            state.addSite(new Site(site, SiteKind.IMPORT, i, 0, List.of()));
            RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
            NoOperand.RET.emit(code);
            state.addInfo(new FunctionInfo(i, start, code.position(), state.functionTypeId(i),
                    state.module().functionType(i).params().size(), 0, 0));
        }
    }

    /**
     * The entry routine: calls the start function and the entry function with an outgoing area
     * for their results, then exits with code 0 through the exit slot (DESIGN.md §5, §7).
     */
    private static int entryRoutine(ModuleState state, int entryFunction) {
        CodeBuffer code = state.code();
        Module module = state.module();
        align(code);
        int entry = code.position();
        int slots = entryFunction < 0 ? 0 : module.functionType(entryFunction).results().size();
        int area = 8 * (slots | 1);
        RmImm32.SUB.regImm(code, Size.QWORD, Reg.RSP, area);
        for (int function : new int[] {module.start(), entryFunction}) {
            if (function >= 0) {
                Rel32.CALL.to(code, state.function(function));
                state.addSite(new Site(code.position(), SiteKind.CALL, -1, 0, List.of()));
            }
        }
        // exit(0) rather than ret: a resumed stack (RUNTIME-NEEDS.md §6) has no runtime return
        // address above the entry routine.
        RmReg.XOR.regReg(code, Size.DWORD, Reg.RDI, Reg.RDI);
        RuntimeSlot.EXIT.call(code);
        NoOperand.INT3.emit(code);
        return entry;
    }

    /** An invoke thunk: arguments from [rdi], results back to [rdi]. */
    private static int thunk(ModuleState state, int function) {
        CodeBuffer code = state.code();
        FuncType type = state.module().functionType(function);
        int slots = Math.max(type.params().size(), type.results().size());
        int start = code.position();
        RegInOpcode.PUSH.reg(code, Size.QWORD, Reg.RBP);
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RBP, Reg.RSP);
        RegInOpcode.PUSH.reg(code, Size.QWORD, Reg.RDI);
        RmImm32.SUB.regImm(code, Size.QWORD, Reg.RSP, 8 * (slots | 1));
        for (int k = 0; k < type.params().size(); k++) {
            RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX, Memory.at(Reg.RDI, 8 * k));
            RmReg.MOV.memReg(code, Size.QWORD, Memory.at(Reg.RSP, 8 * k), Reg.RCX);
        }
        Rel32.CALL.to(code, state.function(function));
        state.addSite(new Site(code.position(), SiteKind.CALL, -1, 0, List.of()));
        RegRm.MOV.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Reg.RBP, -8));
        if (!state.resultSlotRead(function) && gate.compiler.gen.FrameLayout.resultInRax(type.results())) {
            // A function no slot reader calls returns its single integer result in rax only.
            RmReg.MOV.memReg(code, Size.QWORD, Memory.at(Reg.RDI, 0), Reg.RAX);
        } else {
            for (int k = 0; k < type.results().size(); k++) {
                RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX, Memory.at(Reg.RSP, 8 * k));
                RmReg.MOV.memReg(code, Size.QWORD, Memory.at(Reg.RDI, 8 * k), Reg.RCX);
            }
        }
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
        RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        NoOperand.RET.emit(code);
        return start;
    }
}
