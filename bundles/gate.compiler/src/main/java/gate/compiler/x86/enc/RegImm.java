package gate.compiler.x86.enc;

/**
 * Intel operand encoding "OI": the register in the low 3 bits of the opcode, followed by an
 * immediate as wide as the operand. The QWORD form is the only x86-64 instruction with a full
 * 64-bit immediate ({@code movabs} in GNU syntax).
 */
public enum RegImm {
    MOV(0xB8);

    private final int opcode;

    RegImm(int opcode) {
        this.opcode = opcode;
    }

    /**
     * {@code reg <- imm}. DWORD writes the low 32 bits of {@code imm} (which must fit 32 bits,
     * signed or unsigned) and clears the upper half of the register; QWORD writes all 64 bits.
     */
    public void regImm(CodeBuffer code, Size size, Reg reg, long imm) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Imm.check(imm, size.bytes(), this);
        Encoding.inOpcode(code, Encoding.rexW(size), opcode, reg.code());
        Imm.emit(code, imm, size.bytes());
    }
}
