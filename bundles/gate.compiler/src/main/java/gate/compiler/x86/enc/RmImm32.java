package gate.compiler.x86.enc;

/**
 * Intel operand encoding "MI" with a full-size immediate: {@code r/m <- op(r/m, imm)}, the
 * immediate as wide as the operand (1, 2 or 4 bytes) and, for QWORD, a 32-bit immediate
 * sign-extended to 64 bits. The byte opcode is the other opcode minus one.
 */
public enum RmImm32 {
    /** Store or load an immediate; with MOV the old value is not read. */
    MOV(0xC7, 0),
    ADD(0x81, 0),
    OR(0x81, 1),
    ADC(0x81, 2),
    SBB(0x81, 3),
    AND(0x81, 4),
    SUB(0x81, 5),
    XOR(0x81, 6),
    CMP(0x81, 7),
    /** AND that only sets the flags. */
    TEST(0xF7, 0);

    private final int opcode;
    private final int extension;

    RmImm32(int opcode, int extension) {
        this.opcode = opcode;
        this.extension = extension;
    }

    /**
     * {@code rm <- op(rm, imm)}. The immediate must fit the operand size read either signed or
     * unsigned (0xff and -1 both fit BYTE); for QWORD any int, sign-extended.
     */
    public void regImm(CodeBuffer code, Size size, Reg rm, int imm) {
        int bytes = immBytes(size, imm);
        boolean forceRex = size == Size.BYTE && rm.byteNeedsRex();
        Encoding.direct(code, size, forceRex, opcodeFor(size), extension, rm.code());
        Imm.emit(code, imm, bytes);
    }

    /** {@code [memory] <- op([memory], imm)}; see {@link #regImm} for the immediate's range. */
    public void memImm(CodeBuffer code, Size size, Memory rm, int imm) {
        int bytes = immBytes(size, imm);
        Encoding.memory(code, size, false,
                opcodeFor(size), extension, rm, bytes);
        Imm.emit(code, imm, bytes);
    }

    private int immBytes(Size size, int imm) {
        int bytes = Math.min(size.bytes(), 4);
        Imm.check(imm, bytes, this);
        return bytes;
    }

    private int opcodeFor(Size size) {
        return size == Size.BYTE ? opcode - 1 : opcode;
    }
}
