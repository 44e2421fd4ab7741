package gate.compiler.x86.enc;

/**
 * Intel operand encoding "MI" with an 8-bit immediate: {@code r/m <- op(r/m, imm8)}. The ALU
 * group sign-extends the immediate to the operand size; the shifts and rotates take it as a count
 * (masked by the CPU to 5 or 6 bits). WORD, DWORD and QWORD sizes.
 */
public enum RmImm8 {
    ADD(0x83, 0, true),
    OR(0x83, 1, true),
    ADC(0x83, 2, true),
    SBB(0x83, 3, true),
    AND(0x83, 4, true),
    SUB(0x83, 5, true),
    XOR(0x83, 6, true),
    CMP(0x83, 7, true),
    ROL(0xC1, 0, false),
    ROR(0xC1, 1, false),
    SHL(0xC1, 4, false),
    SHR(0xC1, 5, false),
    SAR(0xC1, 7, false);

    private final int opcode;
    private final int extension;
    private final boolean signExtended;

    RmImm8(int opcode, int extension, boolean signExtended) {
        this.opcode = opcode;
        this.extension = extension;
        this.signExtended = signExtended;
    }

    /** {@code rm <- op(rm, imm)}. */
    public void regImm(CodeBuffer code, Size size, Reg rm, int imm) {
        check(size, imm);
        Encoding.direct(code, size, false,
                opcode, extension, rm.code());
        code.emit8(imm);
    }

    /** {@code [memory] <- op([memory], imm)}. */
    public void memImm(CodeBuffer code, Size size, Memory rm, int imm) {
        check(size, imm);
        Encoding.memory(code, size, false,
                opcode, extension, rm, 1);
        code.emit8(imm);
    }

    private void check(Size size, int imm) {
        Encoding.checkSize(this, size, Encoding.WORD_UP);
        if (signExtended) {
            Imm.checkInt8(imm, this);
        } else if (imm < 0 || imm > 0xff) {
            throw new IllegalArgumentException(
                    this + ": count " + imm + " is not an unsigned byte");
        }
    }
}
