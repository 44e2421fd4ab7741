package gate.compiler.x86.enc;

/**
 * SSE conversions from an XMM register or memory into a general-purpose register, Intel operand
 * encoding "RM"; the size (DWORD or QWORD, REX.W) is that of the integer result. An unrepresentable
 * result (NaN, out of range) gives the "integer indefinite" value, the minimum signed integer.
 */
public enum GpXmm {
    /** Single to signed integer, truncating. */
    CVTTSS2SI(0xF3, 0x0F2C),
    /** Double to signed integer, truncating. */
    CVTTSD2SI(0xF2, 0x0F2C);

    private final int prefix;
    private final int opcode;

    GpXmm(int prefix, int opcode) {
        this.prefix = prefix;
        this.opcode = opcode;
    }

    /** {@code reg <- op(rm)}. */
    public void regReg(CodeBuffer code, Size size, Reg reg, Xmm rm) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.direct(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm.code());
    }

    /** {@code reg <- op([memory])}, reading a single (4 bytes) or a double (8 bytes). */
    public void regMem(CodeBuffer code, Size size, Reg reg, Memory rm) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.memory(code, prefix, Encoding.rexW(size), false, opcode, reg.code(), rm, 0);
    }
}
