package gate.compiler.x86.enc;

/**
 * SSE stores, Intel operand encoding "MR": {@code m <- xmm}. MOVSS/MOVSD store 4/8 bytes; MOVAPS
 * stores 16 bytes to a 16-byte aligned address.
 */
public enum MemXmm {
    MOVSS(0xF3, 0x0F11),
    MOVSD(0xF2, 0x0F11),
    MOVAPS(0x00, 0x0F29);

    private final int prefix;
    private final int opcode;

    MemXmm(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code [memory] <- reg}. */
    public void memReg(CodeBuffer code, Memory rm, Xmm reg) {
        Encoding.memory(code, prefix, false, false, opcode, reg.code(), rm, 0);
    }
}
