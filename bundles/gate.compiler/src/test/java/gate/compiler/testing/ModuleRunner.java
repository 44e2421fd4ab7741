package gate.compiler.testing;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import gate.compiler.CompiledProgram;
import gate.compiler.NativeStack;
import gate.compiler.gen.AreaLayout;
import gate.compiler.x86.RuntimeSlot;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegInOpcode;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmQword;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Values;
import gate.wasm.ConstExpr;
import gate.wasm.DataSegment;
import gate.wasm.ElementSegment;
import gate.wasm.Global;
import gate.wasm.Module;
import java.util.List;

/**
 * Runs a {@link CompiledProgram} in this process, standing in for the native runtime and the
 * loader: the text after a runtime area whose trap slot returns to Java and whose size and grow
 * slots manage a guard-region memory (an 8 GiB PROT_NONE reservation, made readable and writable
 * page range by page range), with the globals area below the memory base filled as the loader
 * would. Only for code that does not fault: a real fault would hit the JVM's signal handlers.
 */
public final class ModuleRunner implements AutoCloseable {
    /** Result of an invocation: the results, or the trap id. */
    public record Outcome(long[] results, int trap) {}

    private interface LibC extends Library {
        Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

        int munmap(Pointer addr, long length);

        int mprotect(Pointer addr, long length, int prot);
    }

    private static final LibC LIBC = Native.load("c", LibC.class);
    private static final int AREA = RuntimeSlot.AREA_SIZE;
    private static final int SAVED_RSP = 0x3000;
    private static final int TRAP_CELL = 0x3008;
    private static final int PAGES = 0x3010;
    private static final int MAX_PAGES = 0x3018;
    private static final int BASE = 0x3020;
    private static final int STACK_SP = 0x3028;
    private static final int COPY_BUFFER = 0x3030;
    private static final int COPIED = 0x3038;
    private static final int COPY_SIZE = 1 << 20;
    private static final int TRAMPOLINE = 0x2000;
    private static final int UNWIND = 0x1800;
    private static final int RESUME_TRAMPOLINE = 0x1900;
    private static final long RESERVE = 8L << 30;
    private static final List<Reg> SAVED = List.of(Reg.RBX, Reg.RBP, Reg.R12, Reg.R13, Reg.R14,
        Reg.R15);

    private final CompiledProgram program;
    private final Module module;
    private final Pointer code;
    private final long codeLength;
    private final Pointer reserve;
    private final long memoryBase;
    private final Function trampoline;
    private final Memory stackCopy = new Memory(COPY_SIZE);

    public ModuleRunner(CompiledProgram program, Module module) {
        this.program = program;
        this.module = module;
        byte[] text = program.text();
        codeLength = AREA + ((text.length + 0xfffL) & ~0xfffL);
        code = LIBC.mmap(null, codeLength, 7, 0x22, -1, 0);
        byte[] area = runtimeArea();
        code.write(0, area, 0, area.length);
        code.write(AREA, text, 0, text.length);
        int globalsSize = program.area().size();
        reserve = LIBC.mmap(null, globalsSize + RESERVE, 0, 0x22 | 0x4000, -1, 0);
        memoryBase = Pointer.nativeValue(reserve) + globalsSize;
        long bytes = globalsSize + program.memoryPages() * 65536;
        if (LIBC.mprotect(reserve, bytes, 3) != 0) {
            throw new IllegalStateException("mprotect failed");
        }
        code.setLong(PAGES, program.memoryPages());
        // The instance limit applies as the glue applies it (RUNTIME-NEEDS.md §1).
        code.setLong(MAX_PAGES, Math.min(program.maxMemoryPages(),
                InstanceLimits.DEFAULT.maxMemoryPages()));
        code.setLong(BASE, memoryBase);
        code.setLong(COPY_BUFFER, Pointer.nativeValue(stackCopy));
        trampoline = Function.getFunction(code.share(TRAMPOLINE));
        initialise(module);
        Outcome start = run(program.entry(), new long[0], 0);
        if (start.trap() >= 0) {
            throw new gate.engine.TrapException(gate.engine.TrapId.of(start.trap()));
        }
    }

    private Pointer at(long offset) {
        return new Pointer(memoryBase + offset);
    }

    private long eval(ConstExpr expr, long[] globals) {
        return switch (expr) {
            case ConstExpr.I32Const c -> c.value() & 0xffffffffL;
            case ConstExpr.I64Const c -> c.value();
            case ConstExpr.F32Const c -> c.bits() & 0xffffffffL;
            case ConstExpr.F64Const c -> c.bits();
            case ConstExpr.RefNull n -> Values.NULL_REF;
            case ConstExpr.RefFunc r -> r.funcIndex();
            case ConstExpr.GlobalGet g -> globals[g.globalIndex()];
        };
    }

    /** What the loader does at instantiation (modules without imports). */
    private void initialise(Module module) {
        AreaLayout area = program.area();
        long[] globals = new long[area.globals()];
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            globals[i] = eval(g.init(), globals);
            at(area.global(i)).setLong(0, globals[i]);
        }
        for (int t = 0; t < area.tables().size(); t++) {
            AreaLayout.Region region = area.tables().get(t);
            long min = module.tables().get(t).limits().min();
            at(region.offset()).setLong(0, min);
            for (int k = 0; k < min; k++) {
                at(region.elementsOffset() + 8L * k).setLong(0, Values.NULL_REF);
            }
        }
        for (int e = 0; e < module.elements().size(); e++) {
            ElementSegment segment = module.elements().get(e);
            AreaLayout.Region region = area.elements().get(e);
            long[] values = segment.init().stream().mapToLong(x -> eval(x, globals)).toArray();
            if (segment.mode() instanceof ElementSegment.Active active) {
                AreaLayout.Region table = area.tables().get(active.tableIndex());
                long offset = eval(active.offset(), globals);
                for (int k = 0; k < values.length; k++) {
                    at(table.elementsOffset() + 8 * (offset + k)).setLong(0, values[k]);
                }
            }
            boolean passive = segment.mode() instanceof ElementSegment.Passive;
            at(region.offset()).setLong(0, passive ? values.length : 0);
            for (int k = 0; k < values.length; k++) {
                at(region.elementsOffset() + 8L * k).setLong(0, values[k]);
            }
        }
        for (int d = 0; d < module.data().size(); d++) {
            DataSegment segment = module.data().get(d);
            boolean active = segment.mode() instanceof DataSegment.Active;
            if (segment.mode() instanceof DataSegment.Active a) {
                long offset = eval(a.offset(), globals);
                at(offset).write(0, module.bytes(), segment.offset(), segment.length());
            }
            at(area.dataLengths()[d]).setLong(0, active ? 0 : segment.length());
        }
    }

    /** Invokes an exported function with arguments in the SPI's slot encoding. */
    public Outcome invoke(String name, long[] args, int results) {
        return invoke(name, args, results, 0);
    }

    /**
     * Invokes with {@code suspendBits} ORed into the stack limit register, as the runtime does
     * when a suspend is requested (DESIGN.md §5).
     */
    public Outcome invoke(String name, long[] args, int results, long suspendBits) {
        Integer thunk = program.exports().get(name);
        if (thunk == null) {
            throw new IllegalArgumentException("no export " + name);
        }
        return run(thunk, args, results, suspendBits);
    }

    private Outcome run(int thunk, long[] args, int results) {
        return run(thunk, args, results, 0);
    }

    private Outcome run(int thunk, long[] args, int results, long suspendBits) {
        Memory buffer = new Memory(8L * Math.max(1, Math.max(args.length, results)));
        for (int i = 0; i < args.length; i++) {
            buffer.setLong(8L * i, args[i]);
        }
        trampoline.invokeLong(new Object[] {buffer, 0L, (long) thunk, suspendBits, memoryBase});
        int trap = code.getInt(TRAP_CELL);
        long[] out = new long[results];
        for (int i = 0; i < results; i++) {
            out[i] = buffer.getLong(8L * i);
        }
        return new Outcome(out, trap);
    }

    /** Absolute address a rebuilt stack's outermost frame returns to (back to Java). */
    public long unwindAddress() {
        return Pointer.nativeValue(code) + UNWIND;
    }

    /**
     * Resumes a stack rebuilt at {@code sp} (see {@code NativeStack.rebuild}) through the
     * program's resume routine, with the given stack limit; returns the trap id or -1.
     */
    public int resume(long sp, long stackLimit) {
        Function resume = Function.getFunction(code.share(RESUME_TRAMPOLINE));
        resume.invokeLong(new Object[] {sp, stackLimit, (long) program.resume(), 0L,
            memoryBase});
        return code.getInt(TRAP_CELL);
    }

    /**
     * Rebuilds {@code frames} (engine-neutral, outermost first) on a fresh 64 KiB stack with
     * {@link NativeStack#rebuild} and resumes them (the stack limit 4 KiB above its bottom).
     * The outcome holds the trap id or -1 and, after a return, the outermost frame's result word.
     */
    public Outcome resumeRebuilt(List<InstanceState.Frame> frames) {
        try (Memory stack = new Memory(1 << 16)) {
            long base = Pointer.nativeValue(stack);
            NativeStack.Rebuilt rebuilt = new NativeStack(program, module).rebuild(frames,
                    (address, value) -> stack.setLong(address - base, value), base + (1 << 16), textBase(),
                    unwindAddress());
            int trap = resume(rebuilt.sp(), base + 4096);
            return new Outcome(new long[] {stack.getLong(rebuilt.outermostRbp() + 16 - base)}, trap);
        }
    }

    /** Stack pointer at the last trap call (pointing at its return address). */
    public long trapSp() {
        return code.getLong(STACK_SP);
    }

    /** The trap call's return address as a text offset. */
    public int trapPc() {
        return (int) (read64(trapSp()) - textBase());
    }

    /** Absolute address of the text. */
    public long textBase() {
        return Pointer.nativeValue(code) + AREA;
    }

    /** Reads the copy of the stack the trap slot made, by original address. */
    public long read64(long address) {
        long offset = address - trapSp();
        long copied = code.getLong(COPIED);
        if (offset < 0 || offset + 8 > copied || offset + 8 > COPY_SIZE) {
            throw new IndexOutOfBoundsException("stack address " + Long.toHexString(address));
        }
        return stackCopy.getLong(offset);
    }

    /** Current memory contents (for comparisons). */
    public byte[] memory() {
        long pages = code.getLong(PAGES);
        return at(0).getByteArray(0, (int) (pages * 65536));
    }

    private static byte[] runtimeArea() {
        CodeBuffer a = new CodeBuffer();
        a.fill(0xcc, AREA + RuntimeSlot.TRAP.textOffset());
        // Slots are 16 bytes: each jumps to its body further down. The exit slot (the entry
        // routine's way out) records no trap (-1) and unwinds like the trap slot.
        int trapBody = 0x1200;
        slot(a, RuntimeSlot.TRAP);
        gate.compiler.x86.enc.Rel32.JMP.to(a, trapBody);
        slot(a, RuntimeSlot.EXIT);
        RmImm32.MOV.regImm(a, Size.DWORD, Reg.RDI, -1);
        gate.compiler.x86.enc.Rel32.JMP.to(a, trapBody);
        // Slots are 16 bytes: each jumps to its body further down.
        int sizeBody = 0x1000;
        int growBody = 0x1100;
        a.fill(0xcc, AREA + RuntimeSlot.GROW.textOffset() - a.position());
        gate.compiler.x86.enc.Rel32.JMP.to(a, growBody);
        a.fill(0xcc, AREA + RuntimeSlot.SIZE.textOffset() - a.position());
        gate.compiler.x86.enc.Rel32.JMP.to(a, sizeBody);
        // No host here: a call of an import stops the run as trap 29 at its IMPORT site, which is
        // what the native runtime does when the host answers STOP.
        slot(a, RuntimeSlot.HOST);
        RmImm32.MOV.regImm(a, Size.DWORD, Reg.RDI, gate.engine.TrapId.INTERNAL_ERROR.id);
        gate.compiler.x86.enc.Rel32.JMP.to(a, trapBody);
        a.fill(0xcc, sizeBody - a.position());
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RAX, gate.compiler.x86.enc.Memory.rip(PAGES));
        NoOperand.RET.emit(a);
        a.fill(0xcc, growBody - a.position());
        Label fail = new Label();
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RAX, gate.compiler.x86.enc.Memory.rip(PAGES));
        RmReg.MOV.regReg(a, Size.DWORD, Reg.RCX, Reg.RDI);
        RegMem.LEA.regMem(a, Size.QWORD, Reg.RSI, gate.compiler.x86.enc.Memory.at(Reg.RAX,
                Reg.RCX, 1, 0));
        RegRm.CMP.regMem(a, Size.QWORD, Reg.RSI, gate.compiler.x86.enc.Memory.rip(MAX_PAGES));
        CondRel8.Jcc.to(a, Condition.A, fail);
        RmReg.MOV.memReg(a, Size.QWORD, gate.compiler.x86.enc.Memory.rip(PAGES), Reg.RSI);
        RegInOpcode.PUSH.reg(a, Size.QWORD, Reg.RAX);
        RegInOpcode.PUSH.reg(a, Size.QWORD, Reg.RDX);
        RmReg.MOV.regReg(a, Size.QWORD, Reg.RDI, Reg.RAX);
        RmImm8.SHL.regImm(a, Size.QWORD, Reg.RDI, 16);
        RegRm.ADD.regMem(a, Size.QWORD, Reg.RDI, gate.compiler.x86.enc.Memory.rip(BASE));
        RmReg.MOV.regReg(a, Size.QWORD, Reg.RSI, Reg.RCX);
        RmImm8.SHL.regImm(a, Size.QWORD, Reg.RSI, 16);
        RmImm32.MOV.regImm(a, Size.DWORD, Reg.RDX, 3);
        RmImm32.MOV.regImm(a, Size.DWORD, Reg.RAX, 10);
        a.emit8(0x0f);
        a.emit8(0x05);
        RegInOpcode.POP.reg(a, Size.QWORD, Reg.RDX);
        RegInOpcode.POP.reg(a, Size.QWORD, Reg.RAX);
        NoOperand.RET.emit(a);
        fail.bind(a);
        RmImm32.MOV.regImm(a, Size.DWORD, Reg.RAX, -1);
        NoOperand.RET.emit(a);
        a.fill(0xcc, trapBody - a.position());
        // Trap slot: record the id and the stack (for stack walks), then unwind to Java.
        Label skip = new Label();
        RmReg.MOV.memReg(a, Size.DWORD, gate.compiler.x86.enc.Memory.rip(TRAP_CELL), Reg.RDI);
        RmReg.MOV.memReg(a, Size.QWORD, gate.compiler.x86.enc.Memory.rip(STACK_SP), Reg.RSP);
        RmReg.MOV.regReg(a, Size.QWORD, Reg.RSI, Reg.RSP);
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RCX, gate.compiler.x86.enc.Memory.rip(SAVED_RSP));
        RmReg.SUB.regReg(a, Size.QWORD, Reg.RCX, Reg.RSI);
        RmReg.MOV.memReg(a, Size.QWORD, gate.compiler.x86.enc.Memory.rip(COPIED), Reg.RCX);
        RmImm32.CMP.regImm(a, Size.QWORD, Reg.RCX, COPY_SIZE);
        CondRel8.Jcc.to(a, Condition.A, skip);
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RDI, gate.compiler.x86.enc.Memory.rip(COPY_BUFFER));
        gate.compiler.x86.StringOps.REP_MOVSB.emit(a);
        skip.bind(a);
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RSP, gate.compiler.x86.enc.Memory.rip(SAVED_RSP));
        epilogue(a);
        a.fill(0xcc, UNWIND - a.position());
        // Return target of a rebuilt stack's outermost frame: back to Java.
        RegRm.MOV.regMem(a, Size.QWORD, Reg.RSP, gate.compiler.x86.enc.Memory.rip(SAVED_RSP));
        epilogue(a);
        a.fill(0xcc, RESUME_TRAMPOLINE - a.position());
        // Resume trampoline(rdi = rebuilt sp, rsi = stack limit, rdx = resume routine offset,
        // rcx, r8 = memory base).
        for (Reg reg : SAVED) {
            RegInOpcode.PUSH.reg(a, Size.QWORD, reg);
        }
        RmReg.MOV.memReg(a, Size.QWORD, gate.compiler.x86.enc.Memory.rip(SAVED_RSP), Reg.RSP);
        RmImm32.MOV.memImm(a, Size.DWORD, gate.compiler.x86.enc.Memory.rip(TRAP_CELL), -1);
        RmReg.MOV.regReg(a, Size.QWORD, Reg.RBX, Reg.RSI);
        RmReg.MOV.regReg(a, Size.QWORD, Reg.R14, Reg.R8);
        RegMem.LEA.regMem(a, Size.QWORD, Reg.R15, gate.compiler.x86.enc.Memory.rip(AREA));
        RegMem.LEA.regMem(a, Size.QWORD, Reg.RDX, gate.compiler.x86.enc.Memory.at(Reg.R15,
                Reg.RDX, 1, 0));
        RmReg.MOV.regReg(a, Size.QWORD, Reg.RSP, Reg.RDI);
        RmQword.JMP.reg(a, Reg.RDX);
        a.fill(0xcc, TRAMPOLINE - a.position());
        // Trampoline(rdi = buffer, rsi, rdx = thunk text offset, rcx, r8 = memory base).
        for (Reg reg : SAVED) {
            RegInOpcode.PUSH.reg(a, Size.QWORD, reg);
        }
        RmReg.MOV.memReg(a, Size.QWORD, gate.compiler.x86.enc.Memory.rip(SAVED_RSP), Reg.RSP);
        RmImm32.MOV.memImm(a, Size.DWORD, gate.compiler.x86.enc.Memory.rip(TRAP_CELL), -1);
        RegMem.LEA.regMem(a, Size.QWORD, Reg.RBX, gate.compiler.x86.enc.Memory.at(Reg.RSP,
                -0x40000));
        RmReg.OR.regReg(a, Size.QWORD, Reg.RBX, Reg.RCX);
        RmReg.MOV.regReg(a, Size.QWORD, Reg.R14, Reg.R8);
        RegMem.LEA.regMem(a, Size.QWORD, Reg.R15, gate.compiler.x86.enc.Memory.rip(AREA));
        RegMem.LEA.regMem(a, Size.QWORD, Reg.RDX, gate.compiler.x86.enc.Memory.at(Reg.R15,
                Reg.RDX, 1, 0));
        RmQword.CALL.reg(a, Reg.RDX);
        epilogue(a);
        a.fill(0xcc, AREA - a.position());
        return a.toByteArray();
    }

    private static void slot(CodeBuffer a, RuntimeSlot slot) {
        a.fill(0xcc, AREA + slot.textOffset() - a.position());
    }

    private static void epilogue(CodeBuffer a) {
        for (Reg reg : SAVED.reversed()) {
            RegInOpcode.POP.reg(a, Size.QWORD, reg);
        }
        NoOperand.RET.emit(a);
    }

    @Override
    public void close() {
        LIBC.munmap(code, codeLength);
        LIBC.munmap(reserve, program.area().size() + RESERVE);
    }
}
