package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel32;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;

/**
 * The function-entry stack check (runtime.native DESIGN.md §6): {@code lea rcx, [rsp - frame];
 * cmp rcx, rbx; jb -> trap CALL_STACK_EXHAUSTED}. The frame size is known only after the body is
 * compiled, so the LEA always carries a 32-bit displacement that {@link #setFrameSize} patches.
 * The comparison is unsigned, so the suspend bits ORed into rbx (bit 62) make every check fail,
 * which is how a pending suspension is noticed at the next call. Clobbers rcx and the flags.
 * Compiled functions use the shorter {@link #afterFrame} form, after allocating their frame.
 */
public final class StackCheck {
    private final int displacement;
    private final int trapSite;

    private StackCheck(int displacement, int trapSite) {
        this.displacement = displacement;
        this.trapSite = trapSite;
    }

    /** Emits the check with a frame size of 0, to be set with {@link #setFrameSize}. */
    public static StackCheck emit(CodeBuffer code, TrapStubs stubs) {
        RegMem.LEA.regMem(code, Size.QWORD, Abi.SCRATCH, Memory.atWide(Reg.RSP, 0));
        int displacement = code.position() - 4;
        RmReg.CMP.regReg(code, Size.QWORD, Abi.SCRATCH, Abi.STACK_LIMIT);
        int site = stubs.callIf(code, Condition.B, TrapId.CALL_STACK_EXHAUSTED);
        return new StackCheck(displacement, site);
    }

    /** What a frame reserves below itself for a callee's return address and saved rbp. */
    public static final int MARGIN = 16;

    /**
     * The check after {@code sub rsp, frame}, where the frame includes {@link #MARGIN}: {@code
     * cmp rsp, rbx; jb slow}: the condition of {@link #emit} with {@code frame + MARGIN}, one
     * instruction shorter, rcx left alone. The code at {@code slow} restores rsp first, then
     * calls {@link #trap}.
     */
    public static void afterFrame(CodeBuffer code, Label slow) {
        RmReg.CMP.regReg(code, Size.QWORD, Reg.RSP, Abi.STACK_LIMIT);
        CondRel32.Jcc.to(code, Condition.B, slow);
    }

    /** The out-of-line trap call of {@link #afterFrame}; returns the trap site. */
    public static int trap(CodeBuffer code, TrapStubs stubs) {
        return stubs.call(code, TrapId.CALL_STACK_EXHAUSTED);
    }

    /** Sets the number of stack bytes the function needs below rsp (0 to 2^31 - 1). */
    public void setFrameSize(CodeBuffer code, int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative frame size " + bytes);
        }
        code.patch32(displacement, -bytes);
    }

    /**
     * The return address of the trap call: the trap pc the runtime reports ({@link #emit}).
     */
    public int trapSite() {
        return trapSite;
    }
}
