package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.CondRel32;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.GpXmm;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import gate.compiler.x86.enc.XmmRm;
import gate.engine.TrapId;
import java.util.Locale;

/**
 * WebAssembly's float-to-integer truncations (core §4.3.3 trunc and trunc_sat), trapping and
 * saturating. CVTTSS2SI/CVTTSD2SI give the "integer indefinite" value for NaN and out-of-range
 * input, which is also a legitimate result, so the input is range-checked first, against bounds
 * chosen to be exactly representable in the source type: NaN traps with
 * INVALID_CONVERSION_TO_INTEGER (saturates to 0), values whose truncation does not fit trap with
 * INTEGER_OVERFLOW (saturate to the nearest bound).
 *
 * <p>Register contract: the source XMM register is preserved; the result goes to {@code target}
 * (i32 results zero-extended); {@code scratch} (an XMM register other than the source) and rcx
 * ({@link Abi#SCRATCH}, so the target cannot be rcx) and the flags are clobbered.
 */
public enum FloatToInt {
    I32_TRUNC_F32_S(false, Size.DWORD, true),
    I32_TRUNC_F32_U(false, Size.DWORD, false),
    I32_TRUNC_F64_S(true, Size.DWORD, true),
    I32_TRUNC_F64_U(true, Size.DWORD, false),
    I64_TRUNC_F32_S(false, Size.QWORD, true),
    I64_TRUNC_F32_U(false, Size.QWORD, false),
    I64_TRUNC_F64_S(true, Size.QWORD, true),
    I64_TRUNC_F64_U(true, Size.QWORD, false);

    private final boolean doubleSource;
    private final Size size;
    private final boolean signed;

    FloatToInt(boolean doubleSource, Size size, boolean signed) {
        this.doubleSource = doubleSource;
        this.size = size;
        this.signed = signed;
    }

    /** Emits the trapping form ({@code i32.trunc_f32_s}, ...). */
    public void emitTrapping(CodeBuffer code, TrapStubs stubs, Reg target, Xmm source,
            Xmm scratch) {
        check(target, source, scratch);
        compare(code, source, source);
        stubs.callIf(code, Condition.P, TrapId.INVALID_CONVERSION_TO_INTEGER);
        compareWith(code, source, scratch, lowerBound());
        stubs.callIf(code, lowerBoundInclusive() ? Condition.B : Condition.BE,
                TrapId.INTEGER_OVERFLOW);
        compareWith(code, source, scratch, upperBound());
        stubs.callIf(code, Condition.AE, TrapId.INTEGER_OVERFLOW);
        convert(code, target, source, scratch);
    }

    /** Emits the saturating form ({@code i32.trunc_sat_f32_s}, ...). */
    public void emitSaturating(CodeBuffer code, Reg target, Xmm source, Xmm scratch) {
        check(target, source, scratch);
        Label nan = new Label();
        Label below = new Label();
        Label above = new Label();
        Label done = new Label();
        compare(code, source, source);
        CondRel32.Jcc.to(code, Condition.P, nan);
        compareWith(code, source, scratch, lowerBound());
        CondRel32.Jcc.to(code, lowerBoundInclusive() ? Condition.B : Condition.BE, below);
        compareWith(code, source, scratch, upperBound());
        CondRel32.Jcc.to(code, Condition.AE, above);
        convert(code, target, source, scratch);
        Rel8.JMP.to(code, done);
        nan.bind(code);
        RmReg.XOR.regReg(code, Size.DWORD, target, target);
        Rel8.JMP.to(code, done);
        below.bind(code);
        RegImm.MOV.regImm(code, size, target, signed ? minimum() : 0);
        Rel8.JMP.to(code, done);
        above.bind(code);
        RegImm.MOV.regImm(code, size, target, maximum());
        done.bind(code);
    }

    /** The WebAssembly name of the trapping form, e.g. {@code i64.trunc_f32_u}. */
    public String wasmName() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    /** The WebAssembly name of the saturating form, e.g. {@code i64.trunc_sat_f32_u}. */
    public String saturatingWasmName() {
        return wasmName().replace("trunc_", "trunc_sat_");
    }

    private void check(Reg target, Xmm source, Xmm scratch) {
        if (target == Abi.SCRATCH) {
            throw new IllegalArgumentException(this + " uses " + target + " as scratch");
        }
        if (source == scratch) {
            throw new IllegalArgumentException(this + ": scratch register is the source");
        }
    }

    private int bits() {
        return size.bits();
    }

    /**
     * The lower bound of valid inputs, inclusive or exclusive per {@link #lowerBoundInclusive}:
     * unsigned, trunc(x) >= 0 iff x > -1; signed, trunc(x) >= -2^(N-1) iff x > -2^(N-1) - 1, a
     * bound f64 can hold for N = 32; otherwise the nearest representable value below it is
     * -2^(N-1) itself, so x >= -2^(N-1).
     */
    private double lowerBound() {
        if (!signed) {
            return -1.0;
        }
        double min = -Math.pow(2, bits() - 1);
        return doubleSource && bits() == 32 ? min - 1 : min;
    }

    /** True when {@link #lowerBound} itself is a valid input. */
    private boolean lowerBoundInclusive() {
        return signed && !(doubleSource && bits() == 32);
    }

    /** Exclusive upper bound: 2^(N-1) signed, 2^N unsigned, exact in both float types. */
    private double upperBound() {
        return Math.pow(2, signed ? bits() - 1 : bits());
    }

    private long minimum() {
        return size == Size.DWORD ? Integer.MIN_VALUE & 0xffffffffL : Long.MIN_VALUE;
    }

    private long maximum() {
        if (size == Size.DWORD) {
            return signed ? Integer.MAX_VALUE : 0xffffffffL;
        }
        return signed ? Long.MAX_VALUE : -1L;
    }

    private void compare(CodeBuffer code, Xmm a, Xmm b) {
        (doubleSource ? XmmRm.UCOMISD : XmmRm.UCOMISS).regReg(code, a, b);
    }

    /** ucomis source, constant (the constant built in scratch through rcx). */
    private void compareWith(CodeBuffer code, Xmm source, Xmm scratch, double constant) {
        load(code, scratch, constant);
        compare(code, source, scratch);
    }

    private void load(CodeBuffer code, Xmm scratch, double constant) {
        if (doubleSource) {
            RegImm.MOV.regImm(code, Size.QWORD, Abi.SCRATCH, Double.doubleToRawLongBits(constant));
            XmmGp.MOVD.regReg(code, Size.QWORD, scratch, Abi.SCRATCH);
        } else {
            int bits = Float.floatToRawIntBits((float) constant);
            RegImm.MOV.regImm(code, Size.DWORD, Abi.SCRATCH, bits & 0xffffffffL);
            XmmGp.MOVD.regReg(code, Size.DWORD, scratch, Abi.SCRATCH);
        }
    }

    /** Converts an input already known to be in range. */
    private void convert(CodeBuffer code, Reg target, Xmm source, Xmm scratch) {
        GpXmm cvtt = doubleSource ? GpXmm.CVTTSD2SI : GpXmm.CVTTSS2SI;
        if (signed) {
            cvtt.regReg(code, size, target, source);
            return;
        }
        if (size == Size.DWORD) {
            // Inputs below 2^32 convert exactly with the 64-bit form, which zero-extends.
            cvtt.regReg(code, Size.QWORD, target, source);
            return;
        }
        // u64: inputs at or above 2^63 are converted as x - 2^63 and get bit 63 back. The
        // subtraction is exact (both in [2^63, 2^64)), and so is the addition restoring the source.
        Label small = new Label();
        Label done = new Label();
        compareWith(code, source, scratch, 0x1p63);
        CondRel8.Jcc.to(code, Condition.B, small);
        (doubleSource ? XmmRm.SUBSD : XmmRm.SUBSS).regReg(code, source, scratch);
        cvtt.regReg(code, Size.QWORD, target, source);
        (doubleSource ? XmmRm.ADDSD : XmmRm.ADDSS).regReg(code, source, scratch);
        RegImm.MOV.regImm(code, Size.QWORD, Abi.SCRATCH, Long.MIN_VALUE);
        RmReg.XOR.regReg(code, Size.QWORD, target, Abi.SCRATCH);
        Rel8.JMP.to(code, done);
        small.bind(code);
        cvtt.regReg(code, Size.QWORD, target, source);
        done.bind(code);
    }
}
