package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.Size;
import java.util.Locale;

/**
 * WebAssembly's iclz, ictz and ipopcnt (core §4.3.2). With the LZCNT/TZCNT instructions (ABM and
 * BMI1, which the caller detects) each is one instruction; without them, BSR/BSF give the index of
 * the highest/lowest set bit and leave the destination undefined for a zero source, which the
 * fallback handles with a branch (clz = (N-1) XOR index, and 2N-1 XOR (N-1) = N for zero).
 * POPCNT has no fallback: it needs the POPCNT feature.
 *
 * <p>Register contract: {@code target <- op(source)} on DWORD (i32, result zero-extended) or
 * QWORD; the source is preserved unless it is the target; clobbers the flags.
 */
public enum BitCount {
    CLZ,
    CTZ,
    POPCNT;

    /**
     * Emits the operation; {@code withLzcnt} (the CPU has LZCNT and TZCNT) avoids the BSR/BSF
     * fallback.
     */
    public void emit(CodeBuffer code, Size size, Reg target, Reg source, boolean withLzcnt) {
        if (size != Size.DWORD && size != Size.QWORD) {
            throw new IllegalArgumentException(this + " has no " + size + " form");
        }
        int bits = size.bits();
        if (this == POPCNT) {
            RegRm.POPCNT.regReg(code, size, target, source);
            return;
        }
        if (withLzcnt) {
            (this == CLZ ? RegRm.LZCNT : RegRm.TZCNT).regReg(code, size, target, source);
            return;
        }
        Label nonZero = new Label();
        (this == CLZ ? RegRm.BSR : RegRm.BSF).regReg(code, size, target, source);
        CondRel8.Jcc.to(code, Condition.NE, nonZero);
        RegImm.MOV.regImm(code, Size.DWORD, target, this == CLZ ? 2 * bits - 1 : bits);
        nonZero.bind(code);
        if (this == CLZ) {
            RmImm8.XOR.regImm(code, Size.DWORD, target, bits - 1);
        }
    }

    /** The WebAssembly name for {@code size}, e.g. {@code i64.popcnt}. */
    public String wasmName(Size size) {
        return (size == Size.QWORD ? "i64." : "i32.") + name().toLowerCase(Locale.ROOT);
    }
}
