package gate.compiler.x86.enc;

/**
 * SSE moves from an XMM register to a general-purpose register or memory, Intel operand encoding
 * "MR"; the size (DWORD or QWORD, REX.W) is that of the integer destination.
 */
public enum GpRmXmm {
    /** Move the low 32 bits ({@code movq}: 64 bits when QWORD). */
    MOVD(0x66, 0x0F7E);

    private final int prefix;
    private final int opcode;

    GpRmXmm(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code rm <- low bits of reg}. */
    public void regReg(CodeBuffer code, Size size, Reg rm, Xmm reg) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.direct(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm.code());
    }

    /** {@code [memory] <- low bits of reg}. */
    public void memReg(CodeBuffer code, Size size, Memory rm, Xmm reg) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.memory(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm, 0);
    }
}
