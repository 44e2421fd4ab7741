package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import gate.compiler.x86.enc.XmmRm;
import java.util.Locale;

/**
 * WebAssembly's integer-to-float conversions (core §4.3.3 convert_s / convert_u), correctly
 * rounded (to nearest, ties to even, MXCSR's default). CVTSI2SS/CVTSI2SD only read signed
 * integers: an unsigned i32 is converted as the i64 it zero-extends to; an unsigned i64 with bit
 * 63 set is halved first, keeping the lost bit as a sticky bit ({@code (x >> 1) | (x & 1)}) so that
 * the one rounding step stays exact, and the result is doubled.
 *
 * <p>Register contract: {@code target <- convert(source)}; the source is preserved (its upper
 * half is ignored for i32); the whole target register is written (cleared first, which also
 * breaks CVTSI2S*'s false dependency on its old value); clobbers rcx ({@link Abi#SCRATCH}) and
 * the flags.
 */
public enum IntToFloat {
    F32_CONVERT_I32_S(false, Size.DWORD, true),
    F32_CONVERT_I32_U(false, Size.DWORD, false),
    F32_CONVERT_I64_S(false, Size.QWORD, true),
    F32_CONVERT_I64_U(false, Size.QWORD, false),
    F64_CONVERT_I32_S(true, Size.DWORD, true),
    F64_CONVERT_I32_U(true, Size.DWORD, false),
    F64_CONVERT_I64_S(true, Size.QWORD, true),
    F64_CONVERT_I64_U(true, Size.QWORD, false);

    private final boolean doubleTarget;
    private final Size size;
    private final boolean signed;

    IntToFloat(boolean doubleTarget, Size size, boolean signed) {
        this.doubleTarget = doubleTarget;
        this.size = size;
        this.signed = signed;
    }

    /** Emits {@code target <- convert(source)}. */
    public void emit(CodeBuffer code, Xmm target, Reg source) {
        if (source == Abi.SCRATCH) {
            throw new IllegalArgumentException(this + " uses " + source + " as scratch");
        }
        XmmGp cvt = doubleTarget ? XmmGp.CVTSI2SD : XmmGp.CVTSI2SS;
        XmmRm.XORPS.regReg(code, target, target);
        if (signed) {
            cvt.regReg(code, size, target, source);
            return;
        }
        if (size == Size.DWORD) {
            RmReg.MOV.regReg(code, Size.DWORD, Abi.SCRATCH, source);
            cvt.regReg(code, Size.QWORD, target, Abi.SCRATCH);
            return;
        }
        Label large = new Label();
        Label done = new Label();
        RmReg.TEST.regReg(code, Size.QWORD, source, source);
        CondRel8.Jcc.to(code, Condition.S, large);
        cvt.regReg(code, Size.QWORD, target, source);
        Rel8.JMP.to(code, done);
        large.bind(code);
        Label even = new Label();
        RmReg.MOV.regReg(code, Size.QWORD, Abi.SCRATCH, source);
        RmImm8.SHR.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
        CondRel8.Jcc.to(code, Condition.AE, even); // CF holds the bit shifted out
        RmImm8.OR.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
        even.bind(code);
        cvt.regReg(code, Size.QWORD, target, Abi.SCRATCH);
        (doubleTarget ? XmmRm.ADDSD : XmmRm.ADDSS).regReg(code, target, target);
        done.bind(code);
    }

    /** The WebAssembly name, e.g. {@code f64.convert_i64_u}. */
    public String wasmName() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
