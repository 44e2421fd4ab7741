package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.Rm;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;

/**
 * WebAssembly's integer division and remainder (core §4.3.2 idiv_u, idiv_s, irem_u, irem_s) with
 * their traps. x86 DIV/IDIV raise #DE on a zero divisor and on MIN / -1, so both cases are
 * checked first: a zero divisor traps with INTEGER_DIVIDE_BY_ZERO; for a divisor of -1 no
 * division is done at all: the quotient is the negated dividend (INTEGER_OVERFLOW when that
 * overflows, i.e. for MIN) and the remainder is 0, as the spec defines rem_s(MIN, -1).
 *
 * <p>Register contract: the dividend in rax, the divisor in any other register but rdx; the
 * result in rax ({@link #resultRegister}) for quotients, rdx for remainders. Clobbers rax, rdx
 * and the flags.
 */
public enum IntDivision {
    DIV_S(true, false),
    DIV_U(false, false),
    REM_S(true, true),
    REM_U(false, true);

    private final boolean signed;
    private final boolean remainder;

    IntDivision(boolean signed, boolean remainder) {
        this.signed = signed;
        this.remainder = remainder;
    }

    /** rax for quotients, rdx for remainders. */
    public Reg resultRegister() {
        return remainder ? Reg.RDX : Reg.RAX;
    }

    /** Emits the operation on DWORD (i32) or QWORD (i64) operands. */
    public void emit(CodeBuffer code, TrapStubs stubs, Size size, Reg divisor) {
        if (size != Size.DWORD && size != Size.QWORD) {
            throw new IllegalArgumentException(this + " has no " + size + " form");
        }
        if (divisor == Reg.RAX || divisor == Reg.RDX) {
            throw new IllegalArgumentException("divisor in " + divisor + ", which DIV overwrites");
        }
        RmReg.TEST.regReg(code, size, divisor, divisor);
        stubs.callIf(code, Condition.E, TrapId.INTEGER_DIVIDE_BY_ZERO);
        if (!signed) {
            RmReg.XOR.regReg(code, Size.DWORD, Reg.RDX, Reg.RDX);
            Rm.DIV.reg(code, size, divisor);
            return;
        }
        Label divide = new Label();
        Label done = new Label();
        RmImm8.CMP.regImm(code, size, divisor, -1);
        CondRel8.Jcc.to(code, Condition.NE, divide);
        if (remainder) {
            RmReg.XOR.regReg(code, Size.DWORD, Reg.RDX, Reg.RDX);
        } else {
            Rm.NEG.reg(code, size, Reg.RAX);
            stubs.callIf(code, Condition.O, TrapId.INTEGER_OVERFLOW);
        }
        Rel8.JMP.to(code, done);
        divide.bind(code);
        (size == Size.QWORD ? NoOperand.CQO : NoOperand.CDQ).emit(code);
        Rm.IDIV.reg(code, size, divisor);
        done.bind(code);
    }
}
