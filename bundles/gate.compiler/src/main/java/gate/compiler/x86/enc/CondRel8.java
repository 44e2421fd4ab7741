package gate.compiler.x86.enc;

/** Intel operand encoding "D" with a condition and an 8-bit displacement: short Jcc. */
public enum CondRel8 {
    Jcc(0x70);

    private final int opcode;

    CondRel8(int opcode) {
        this.opcode = opcode;
    }

    /** Jumps to {@code target} if {@code condition} holds; the target must be within reach. */
    public void to(CodeBuffer code, Condition condition, int target) {
        code.emit8(opcode + condition.code());
        Displacement.emit(code, 1, target);
    }

    /** Jumps to {@code label} if {@code condition} holds; binding it out of reach fails. */
    public void to(CodeBuffer code, Condition condition, Label label) {
        code.emit8(opcode + condition.code());
        label.emitDisplacement(code, 1);
    }
}
