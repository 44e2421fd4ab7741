package gate.compiler.x86.enc;

/**
 * SSE instructions with Intel operand encoding "RM": {@code xmm <- op(xmm, xmm/m)}. The suffix
 * SS/SD means scalar single/double (memory operand of 4/8 bytes); PS/PD and PXOR and MOVAPS work
 * on all 128 bits, and their memory operand must be 16-byte aligned.
 */
public enum XmmRm {
    MOVSS(0xF3, 0x0F10),
    MOVSD(0xF2, 0x0F10),
    MOVAPS(0x00, 0x0F28),
    ADDSS(0xF3, 0x0F58),
    ADDSD(0xF2, 0x0F58),
    SUBSS(0xF3, 0x0F5C),
    SUBSD(0xF2, 0x0F5C),
    MULSS(0xF3, 0x0F59),
    MULSD(0xF2, 0x0F59),
    DIVSS(0xF3, 0x0F5E),
    DIVSD(0xF2, 0x0F5E),
    SQRTSS(0xF3, 0x0F51),
    SQRTSD(0xF2, 0x0F51),
    /** Minimum; returns the second operand if either is NaN or both are zero (not Wasm's min). */
    MINSS(0xF3, 0x0F5D),
    MINSD(0xF2, 0x0F5D),
    /** Maximum; returns the second operand if either is NaN or both are zero (not Wasm's max). */
    MAXSS(0xF3, 0x0F5F),
    MAXSD(0xF2, 0x0F5F),
    /** Unordered compare into ZF, PF, CF (PF set for NaN). */
    UCOMISS(0x00, 0x0F2E),
    UCOMISD(0x66, 0x0F2E),
    CVTSS2SD(0xF3, 0x0F5A),
    CVTSD2SS(0xF2, 0x0F5A),
    ANDPS(0x00, 0x0F54),
    ANDPD(0x66, 0x0F54),
    ANDNPS(0x00, 0x0F55),
    ANDNPD(0x66, 0x0F55),
    ORPS(0x00, 0x0F56),
    ORPD(0x66, 0x0F56),
    XORPS(0x00, 0x0F57),
    XORPD(0x66, 0x0F57),
    PXOR(0x66, 0x0FEF);

    private final int prefix;
    private final int opcode;

    XmmRm(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code reg <- op(reg, rm)}. */
    public void regReg(CodeBuffer code, Xmm reg, Xmm rm) {
        Encoding.direct(code, prefix, false, false, opcode, reg.code(), rm.code());
    }

    /** {@code reg <- op(reg, [memory])}. */
    public void regMem(CodeBuffer code, Xmm reg, Memory rm) {
        Encoding.memory(code, prefix, false, false, opcode, reg.code(), rm, 0);
    }
}
