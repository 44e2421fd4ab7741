package gate.compiler.testing;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import gate.compiler.x86.RuntimeSlot;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegInOpcode;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmQword;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import java.util.List;

/**
 * Runs generated code in this process, for tests that check what instruction sequences compute
 * rather than how they are spelled. The code is copied into an executable mapping after a
 * stand-in for the native runtime's area (runtime.native DESIGN.md §5): its trap slot records the
 * trap id and unwinds straight back to Java, so a test can see which trap a sequence raised.
 *
 * <p>{@link #call} enters through a trampoline that saves the callee-saved registers, sets rbx
 * (stack limit) and r14 (memory base) as asked, and calls the function at a text offset with
 * the first two arguments in rdi and rsi (SysV order, so short test routines need no stack).
 * The result is rax. Not thread-safe; one instance per test class.
 */
public final class NativeCode implements AutoCloseable {
    /** Result of one call: rax, or the trap id if the code trapped (then rax is meaningless). */
    public record Outcome(long rax, int trap) {
        public static final int NONE = -1;

        public boolean trapped() {
            return trap != NONE;
        }
    }

    /** Why {@link #supported} can be false, for skipped tests. */
    public static final String UNSUPPORTED =
            "generated code runs only on Linux x86-64 with executable mappings allowed";

    private interface LibC extends Library {
        Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

        int munmap(Pointer addr, long length);
    }

    private static final int PROT_RWX = 7;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final int AREA = RuntimeSlot.AREA_SIZE;
    /** Offsets inside the stand-in runtime area (below the text). */
    private static final int SAVED_RSP = 0x3000;
    private static final int TRAP_CELL = 0x3008;
    private static final int TRAMPOLINE = 0x2000;
    private static final List<Reg> CALLEE_SAVED =
            List.of(Reg.RBX, Reg.RBP, Reg.R12, Reg.R13, Reg.R14, Reg.R15);

    private final LibC libc;
    private final Pointer base;
    private final long length;
    private final Function trampoline;

    private NativeCode(LibC libc, Pointer base, long length) {
        this.libc = libc;
        this.base = base;
        this.length = length;
        this.trampoline = Function.getFunction(base.share(TRAMPOLINE));
    }

    /**
     * True on the platform generated code is for (Linux on x86-64) when this process may map
     * executable memory (a hardened kernel may refuse writable and executable pages).
     */
    public static boolean supported() {
        if (!System.getProperty("os.name", "").equals("Linux")
                || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
            return false;
        }
        LibC libc = Native.load("c", LibC.class);
        Pointer probe = libc.mmap(null, 4096, PROT_RWX, MAP_PRIVATE_ANONYMOUS, -1, 0);
        if (probe == null || Pointer.nativeValue(probe) == -1) {
            return false;
        }
        libc.munmap(probe, 4096);
        return true;
    }

    /** Maps {@code text} executable after the stand-in runtime area. */
    public static NativeCode load(CodeBuffer text) {
        LibC libc = Native.load("c", LibC.class);
        byte[] code = text.toByteArray();
        long length = AREA + ((code.length + 0xfff) & ~0xfffL);
        Pointer base = libc.mmap(null, length, PROT_RWX, MAP_PRIVATE_ANONYMOUS, -1, 0);
        if (base == null || Pointer.nativeValue(base) == -1) {
            throw new IllegalStateException("mmap of " + length + " executable bytes failed");
        }
        byte[] area = runtimeArea();
        base.write(0, area, 0, area.length);
        base.write(AREA, code, 0, code.length);
        return new NativeCode(libc, base, length);
    }

    /**
     * The stand-in runtime area, assembled with a buffer whose offset 0 is the area's start (so
     * text offset t is buffer offset AREA + t).
     */
    private static byte[] runtimeArea() {
        CodeBuffer area = new CodeBuffer();
        area.fill(0xcc, AREA + RuntimeSlot.TRAP.textOffset());
        // Trap slot: record edi, then unwind to the trampoline's frame and return to Java.
        RmReg.MOV.memReg(area, Size.DWORD, Memory.rip(TRAP_CELL), Reg.RDI);
        RegRm.MOV.regMem(area, Size.QWORD, Reg.RSP, Memory.rip(SAVED_RSP));
        epilogue(area);
        area.fill(0xcc, TRAMPOLINE - area.position());
        // Trampoline(rdi, rsi, rdx = text offset of the function, rcx = rbx, r8 = r14).
        for (Reg reg : CALLEE_SAVED) {
            RegInOpcode.PUSH.reg(area, Size.QWORD, reg);
        }
        RmReg.MOV.memReg(area, Size.QWORD, Memory.rip(SAVED_RSP), Reg.RSP);
        RmImm32.MOV.memImm(area, Size.DWORD, Memory.rip(TRAP_CELL), Outcome.NONE);
        RmReg.MOV.regReg(area, Size.QWORD, Reg.RBX, Reg.RCX);
        RmReg.MOV.regReg(area, Size.QWORD, Reg.R14, Reg.R8);
        RegMem.LEA.regMem(area, Size.QWORD, Reg.R15, Memory.rip(AREA));
        RegMem.LEA.regMem(area, Size.QWORD, Reg.RDX, Memory.at(Reg.R15, Reg.RDX, 1, 0));
        RmQword.CALL.reg(area, Reg.RDX);
        epilogue(area);
        area.fill(0xcc, AREA - area.position());
        return area.toByteArray();
    }

    private static void epilogue(CodeBuffer area) {
        for (Reg reg : CALLEE_SAVED.reversed()) {
            RegInOpcode.POP.reg(area, Size.QWORD, reg);
        }
        NoOperand.RET.emit(area);
    }

    /**
     * Calls the function at text offset {@code entry} with rdi = {@code a0}, rsi = {@code a1},
     * rbx = {@code stackLimit} and r14 = {@code memoryBase}.
     */
    public Outcome call(int entry, long a0, long a1, long stackLimit, long memoryBase) {
        Object[] arguments = {a0, a1, (long) entry, stackLimit, memoryBase};
        long rax = trampoline.invokeLong(arguments);
        int trap = base.getInt(TRAP_CELL);
        return new Outcome(rax, trap);
    }

    /** Calls with no stack limit and no memory. */
    public Outcome call(int entry, long a0, long a1) {
        return call(entry, a0, a1, 0, 0);
    }

    @Override
    public void close() {
        libc.munmap(base, length);
    }
}
