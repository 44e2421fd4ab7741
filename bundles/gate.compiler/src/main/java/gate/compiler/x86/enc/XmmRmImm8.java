package gate.compiler.x86.enc;

/**
 * SSE4.1 instructions with Intel operand encoding "RMI": {@code xmm <- op(xmm/m, imm8)}. For
 * ROUNDSS/ROUNDSD the immediate selects the rounding: bits 1:0 are 0 nearest-even, 1 down, 2 up,
 * 3 toward zero; bit 2 = 0 uses those bits instead of MXCSR; bit 3 suppresses the precision
 * exception.
 */
public enum XmmRmImm8 {
    ROUNDSS(0x66, 0x0F3A0A),
    ROUNDSD(0x66, 0x0F3A0B);

    private final int prefix;
    private final int opcode;

    XmmRmImm8(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code reg <- op(rm, imm)}. */
    public void regRegImm(CodeBuffer code, Xmm reg, Xmm rm, int imm) {
        check(imm);
        Encoding.direct(code, prefix, false, false, opcode, reg.code(), rm.code());
        code.emit8(imm);
    }

    /** {@code reg <- op([memory], imm)}. */
    public void regMemImm(CodeBuffer code, Xmm reg, Memory rm, int imm) {
        check(imm);
        Encoding.memory(code, prefix, false, false, opcode, reg.code(), rm, 1);
        code.emit8(imm);
    }

    private void check(int imm) {
        if (imm < 0 || imm > 0xff) {
            throw new IllegalArgumentException(this + ": immediate " + imm + " is not a byte");
        }
    }
}
