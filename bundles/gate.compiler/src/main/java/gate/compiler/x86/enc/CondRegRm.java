package gate.compiler.x86.enc;

/**
 * Intel operand encoding "RM" with a condition in the opcode: {@code reg <- cc ? r/m : reg}. With a
 * DWORD size the upper half of the 64-bit register is cleared even when the condition is false.
 */
public enum CondRegRm {
    CMOVcc(0x0F40);

    private final int opcode;

    CondRegRm(int opcode) {
        this.opcode = opcode;
    }

    /** {@code reg <- condition ? rm : reg}. */
    public void regReg(CodeBuffer code, Condition condition, Size size, Reg reg, Reg rm) {
        Encoding.checkSize(this, size, Encoding.WORD_UP);
        Encoding.direct(code, size, false,
                opcode + condition.code(), reg.code(), rm.code());
    }

    /**
     * {@code reg <- condition ? [memory] : reg}; the memory is read (and may fault) even when the
     * condition is false.
     */
    public void regMem(CodeBuffer code, Condition condition, Size size, Reg reg, Memory rm) {
        Encoding.checkSize(this, size, Encoding.WORD_UP);
        Encoding.memory(code, size, false,
                opcode + condition.code(), reg.code(), rm, 0);
    }
}
