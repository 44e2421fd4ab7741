package gate.compiler.x86.enc;

/**
 * SSE instructions that read a general-purpose register or memory integer into an XMM register,
 * Intel operand encoding "RM"; the size (DWORD or QWORD, REX.W) is that of the integer.
 */
public enum XmmGp {
    /** Signed integer to single; writes only the low 32 bits of the destination. */
    CVTSI2SS(0xF3, 0x0F2A),
    /** Signed integer to double; writes only the low 64 bits of the destination. */
    CVTSI2SD(0xF2, 0x0F2A),
    /** Move the integer into the low bits and zero the rest ({@code movq} when QWORD). */
    MOVD(0x66, 0x0F6E);

    private final int prefix;
    private final int opcode;

    XmmGp(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code reg <- op(rm)}. */
    public void regReg(CodeBuffer code, Size size, Xmm reg, Reg rm) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.direct(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm.code());
    }

    /** {@code reg <- op([memory])}. */
    public void regMem(CodeBuffer code, Size size, Xmm reg, Memory rm) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.memory(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm, 0);
    }
}
