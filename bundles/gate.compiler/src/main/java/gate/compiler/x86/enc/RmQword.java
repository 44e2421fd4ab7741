package gate.compiler.x86.enc;

/**
 * Intel operand encoding "M" for instructions whose operand size is always 64 bits in long mode
 * and needs no REX.W: indirect near calls and jumps, and pushes and pops of r/m.
 */
public enum RmQword {
    CALL(0xFF, 2),
    JMP(0xFF, 4),
    PUSH(0xFF, 6),
    POP(0x8F, 0);

    private final int opcode;
    private final int extension;

    RmQword(int opcode, int extension) {
        this.opcode = opcode;
        this.extension = extension;
    }

    /** The operation on a register (for CALL and JMP: the target address in it). */
    public void reg(CodeBuffer code, Reg rm) {
        Encoding.direct(code, Encoding.NO_PREFIX, false, false, opcode, extension, rm.code());
    }

    /** The operation on a quadword in memory (for CALL and JMP: the target address in it). */
    public void mem(CodeBuffer code, Memory rm) {
        Encoding.memory(code, Encoding.NO_PREFIX, false, false, opcode, extension, rm, 0);
    }
}
