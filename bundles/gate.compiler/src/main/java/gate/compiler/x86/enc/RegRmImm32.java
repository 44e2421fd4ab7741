package gate.compiler.x86.enc;

/**
 * Intel operand encoding "RMI" with a full-size immediate: {@code reg <- op(r/m, imm)}, the
 * immediate 2 bytes for WORD and 4 bytes otherwise (sign-extended for QWORD).
 */
public enum RegRmImm32 {
    /** Three-operand signed multiply, truncated to the operand size. */
    IMUL(0x69);

    private final int opcode;

    RegRmImm32(int opcode) {
        this.opcode = opcode;
    }

    /** {@code reg <- op(rm, imm)}. */
    public void regRegImm(CodeBuffer code, Size size, Reg reg, Reg rm, int imm) {
        int bytes = immBytes(size, imm);
        Encoding.direct(code, size, false,
                opcode, reg.code(), rm.code());
        Imm.emit(code, imm, bytes);
    }

    /** {@code reg <- op([memory], imm)}. */
    public void regMemImm(CodeBuffer code, Size size, Reg reg, Memory rm, int imm) {
        int bytes = immBytes(size, imm);
        Encoding.memory(code, size, false,
                opcode, reg.code(), rm, bytes);
        Imm.emit(code, imm, bytes);
    }

    private int immBytes(Size size, int imm) {
        Encoding.checkSize(this, size, Encoding.WORD_UP);
        int bytes = Math.min(size.bytes(), 4);
        Imm.check(imm, bytes, this);
        return bytes;
    }
}
