package gate.compiler.x86.enc;

/**
 * Intel operand encoding "M": one register or memory operand in ModRM.rm, the opcode extended by
 * ModRM.reg. All four sizes; the byte opcode is the other opcode minus one.
 *
 * <p>MUL, DIV and IDIV implicitly use rdx:rax (edx:eax, ...): MUL writes the double-width product
 * there; DIV and IDIV divide it, leaving the quotient in rax and the remainder in rdx, and raise
 * #DE on a zero divisor or an overflowing quotient.
 */
public enum Rm {
    NOT(0xF7, 2),
    NEG(0xF7, 3),
    MUL(0xF7, 4),
    DIV(0xF7, 6),
    IDIV(0xF7, 7),
    INC(0xFF, 0),
    DEC(0xFF, 1);

    private final int opcode;
    private final int extension;

    Rm(int opcode, int extension) {
        this.opcode = opcode;
        this.extension = extension;
    }

    /** {@code rm <- op(rm)}. */
    public void reg(CodeBuffer code, Size size, Reg rm) {
        boolean forceRex = size == Size.BYTE && rm.byteNeedsRex();
        Encoding.direct(code, size, forceRex, opcodeFor(size), extension, rm.code());
    }

    /** {@code [memory] <- op([memory])}. */
    public void mem(CodeBuffer code, Size size, Memory rm) {
        Encoding.memory(code, size, false,
                opcodeFor(size), extension, rm, 0);
    }

    private int opcodeFor(Size size) {
        return size == Size.BYTE ? opcode - 1 : opcode;
    }
}
