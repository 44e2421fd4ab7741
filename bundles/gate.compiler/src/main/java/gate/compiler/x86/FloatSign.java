package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import gate.compiler.x86.enc.XmmRm;

/**
 * WebAssembly's fabs, fneg and fcopysign (core §4.3.3): operations on the sign bit alone, so NaN
 * payloads pass through unchanged. The bits travel through rcx; no constant pool is needed.
 *
 * <p>Register contract: {@code value <- op(value[, sign])} in place; {@code sign} preserved;
 * clobbers rcx ({@link Abi#SCRATCH}), {@code scratch} (copysign only) and the flags.
 */
public final class FloatSign {
    private static final int F32_SIGN = 0x80000000;
    private static final int F32_MAGNITUDE = 0x7fffffff;

    private FloatSign() {}

    /** {@code value <- |value|}. */
    public static void abs(CodeBuffer code, boolean doubles, Xmm value) {
        toScratch(code, doubles, value);
        clearSign(code, doubles);
        fromScratch(code, doubles, value);
    }

    /** {@code value <- -value}. */
    public static void neg(CodeBuffer code, boolean doubles, Xmm value) {
        toScratch(code, doubles, value);
        if (doubles) {
            // Move the sign bit to bit 0, flip it, move it back: no 64-bit immediate needed.
            RmImm8.ROL.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
            RmImm8.XOR.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
            RmImm8.ROR.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
        } else {
            RmImm32.XOR.regImm(code, Size.DWORD, Abi.SCRATCH, F32_SIGN);
        }
        fromScratch(code, doubles, value);
    }

    /** {@code value <- copysign(value, sign)}: the magnitude of value with the sign of sign. */
    public static void copysign(CodeBuffer code, boolean doubles, Xmm value, Xmm sign,
            Xmm scratch) {
        if (scratch == value || scratch == sign) {
            throw new IllegalArgumentException("scratch " + scratch + " is an operand");
        }
        // scratch <- sign bit of `sign` alone
        if (doubles) {
            RegImm.MOV.regImm(code, Size.QWORD, Abi.SCRATCH, Long.MIN_VALUE);
        } else {
            RegImm.MOV.regImm(code, Size.DWORD, Abi.SCRATCH, F32_SIGN & 0xffffffffL);
        }
        XmmGp.MOVD.regReg(code, doubles ? Size.QWORD : Size.DWORD, scratch, Abi.SCRATCH);
        (doubles ? XmmRm.ANDPD : XmmRm.ANDPS).regReg(code, scratch, sign);
        abs(code, doubles, value);
        (doubles ? XmmRm.ORPD : XmmRm.ORPS).regReg(code, value, scratch);
    }

    private static void toScratch(CodeBuffer code, boolean doubles, Xmm value) {
        GpRmXmm.MOVD.regReg(code, doubles ? Size.QWORD : Size.DWORD, Abi.SCRATCH, value);
    }

    private static void fromScratch(CodeBuffer code, boolean doubles, Xmm value) {
        XmmGp.MOVD.regReg(code, doubles ? Size.QWORD : Size.DWORD, value, Abi.SCRATCH);
    }

    private static void clearSign(CodeBuffer code, boolean doubles) {
        if (doubles) {
            RmImm8.SHL.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
            RmImm8.SHR.regImm(code, Size.QWORD, Abi.SCRATCH, 1);
        } else {
            RmImm32.AND.regImm(code, Size.DWORD, Abi.SCRATCH, F32_MAGNITUDE);
        }
    }
}
