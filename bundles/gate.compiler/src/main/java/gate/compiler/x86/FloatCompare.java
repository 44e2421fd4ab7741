package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRm;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;

/**
 * WebAssembly's float comparisons (core §4.3.3 feq, fne, flt, fgt, fle, fge) as an i32 0 or 1.
 * UCOMISS/UCOMISD report "unordered" (a NaN operand) as ZF = PF = CF = 1, which would read as
 * "equal" and "below": so gt and ge use the conditions A and AE, false when unordered, and lt
 * and le swap the operands to use them too; eq needs ZF = 1 and PF = 0, ne ZF = 0 or PF = 1.
 *
 * <p>Register contract: {@code target <- a op b} zero-extended; a and b preserved; clobbers rcx
 * ({@link Abi#SCRATCH}, for eq and ne) and the flags.
 */
public enum FloatCompare {
    EQ, NE, LT, GT, LE, GE;

    /** Emits the f32 ({@code doubles} false) or f64 comparison. */
    public void emit(CodeBuffer code, boolean doubles, Reg target, Xmm a, Xmm b) {
        if (target == Abi.SCRATCH) {
            throw new IllegalArgumentException(this + " uses " + target + " as scratch");
        }
        XmmRm compare = doubles ? XmmRm.UCOMISD : XmmRm.UCOMISS;
        boolean swap = this == LT || this == LE;
        compare.regReg(code, swap ? b : a, swap ? a : b);
        switch (this) {
            case EQ -> combine(code, target, Condition.E, Condition.NP, RmReg.AND);
            case NE -> combine(code, target, Condition.NE, Condition.P, RmReg.OR);
            case GT, LT -> CondRm.SETcc.reg(code, Condition.A, target);
            case GE, LE -> CondRm.SETcc.reg(code, Condition.AE, target);
        }
        RegRmExtend.MOVZX8.regReg(code, Size.DWORD, target, target);
    }

    private static void combine(CodeBuffer code, Reg target, Condition first, Condition second,
            RmReg operation) {
        CondRm.SETcc.reg(code, first, target);
        CondRm.SETcc.reg(code, second, Abi.SCRATCH);
        operation.regReg(code, Size.BYTE, target, Abi.SCRATCH);
    }
}
