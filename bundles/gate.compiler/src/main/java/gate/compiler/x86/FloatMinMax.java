package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;

/**
 * WebAssembly's fmin and fmax (core §4.3.3): NaN if either operand is NaN, and -0 below +0.
 * MINSS/MAXSS alone return their second operand in both of those cases, so equal operands (which
 * include ±0) and unordered ones take their own paths: equal operands are ORed (min: a negative
 * zero wins) or ANDed (max: a positive zero wins), unordered ones are added, which yields a NaN.
 *
 * <p>Register contract: {@code a <- op(a, b)}; b is preserved; clobbers the flags.
 */
public enum FloatMinMax {
    F32_MIN(XmmRm.UCOMISS, XmmRm.MINSS, XmmRm.ORPS, XmmRm.ADDSS),
    F32_MAX(XmmRm.UCOMISS, XmmRm.MAXSS, XmmRm.ANDPS, XmmRm.ADDSS),
    F64_MIN(XmmRm.UCOMISD, XmmRm.MINSD, XmmRm.ORPD, XmmRm.ADDSD),
    F64_MAX(XmmRm.UCOMISD, XmmRm.MAXSD, XmmRm.ANDPD, XmmRm.ADDSD);

    private final XmmRm compare;
    private final XmmRm ordered;
    private final XmmRm equal;
    private final XmmRm unordered;

    FloatMinMax(XmmRm compare, XmmRm ordered, XmmRm equal, XmmRm unordered) {
        this.compare = compare;
        this.ordered = ordered;
        this.equal = equal;
        this.unordered = unordered;
    }

    /** Emits {@code a <- op(a, b)}. */
    public void emit(CodeBuffer code, Xmm a, Xmm b) {
        Label differ = new Label();
        Label nan = new Label();
        Label done = new Label();
        compare.regReg(code, a, b);
        CondRel8.Jcc.to(code, Condition.P, nan);
        CondRel8.Jcc.to(code, Condition.NE, differ);
        equal.regReg(code, a, b);
        Rel8.JMP.to(code, done);
        nan.bind(code);
        unordered.regReg(code, a, b);
        Rel8.JMP.to(code, done);
        differ.bind(code);
        ordered.regReg(code, a, b);
        done.bind(code);
    }
}
