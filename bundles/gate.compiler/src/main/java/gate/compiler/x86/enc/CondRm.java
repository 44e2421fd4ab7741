package gate.compiler.x86.enc;

/**
 * Intel operand encoding "M" with a condition in the opcode: writes 1 or 0 to a byte register or
 * byte of memory. The rest of a register is untouched, so callers zero it beforehand (XOR before
 * the flags are set) or zero-extend afterwards.
 */
public enum CondRm {
    SETcc(0x0F90);

    private final int opcode;

    CondRm(int opcode) {
        this.opcode = opcode;
    }

    /** The low byte of {@code rm} (spl, bpl, sil, dil get a REX prefix) {@code <- condition}. */
    public void reg(CodeBuffer code, Condition condition, Reg rm) {
        Encoding.direct(code, Encoding.NO_PREFIX, false, rm.byteNeedsRex(),
                opcode + condition.code(), 0, rm.code());
    }

    /** {@code byte [memory] <- condition}. */
    public void mem(CodeBuffer code, Condition condition, Memory rm) {
        Encoding.memory(code, Encoding.NO_PREFIX, false, false, opcode + condition.code(), 0, rm,
                0);
    }
}
