package gate.compiler.x86.enc;

/**
 * Intel operand encoding "RMI" with a sign-extended 8-bit immediate:
 * {@code reg <- op(r/m, imm8)}. WORD, DWORD and QWORD sizes.
 */
public enum RegRmImm8 {
    /** Three-operand signed multiply, truncated to the operand size. */
    IMUL(0x6B);

    private final int opcode;

    RegRmImm8(int opcode) {
        this.opcode = opcode;
    }

    /** {@code reg <- op(rm, imm)}. */
    public void regRegImm(CodeBuffer code, Size size, Reg reg, Reg rm, int imm) {
        check(size, imm);
        Encoding.direct(code, size, false,
                opcode, reg.code(), rm.code());
        code.emit8(imm);
    }

    /** {@code reg <- op([memory], imm)}. */
    public void regMemImm(CodeBuffer code, Size size, Reg reg, Memory rm, int imm) {
        check(size, imm);
        Encoding.memory(code, size, false,
                opcode, reg.code(), rm, 1);
        code.emit8(imm);
    }

    private void check(Size size, int imm) {
        Encoding.checkSize(this, size, Encoding.WORD_UP);
        Imm.checkInt8(imm, this);
    }
}
