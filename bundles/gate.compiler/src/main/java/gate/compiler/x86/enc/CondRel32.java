package gate.compiler.x86.enc;

/** Intel operand encoding "D" with a condition and a 32-bit displacement: near Jcc (0F 8x). */
public enum CondRel32 {
    Jcc(0x0F80);

    /** Length of every instruction of this form. */
    public static final int LENGTH = 6;

    private final int opcode;

    CondRel32(int opcode) {
        this.opcode = opcode;
    }

    /** Jumps to {@code target} if {@code condition} holds. */
    public void to(CodeBuffer code, Condition condition, int target) {
        Encoding.opcode(code, opcode + condition.code());
        Displacement.emit(code, 4, target);
    }

    /** Jumps to {@code label}, bound now or later, if {@code condition} holds. */
    public void to(CodeBuffer code, Condition condition, Label label) {
        Encoding.opcode(code, opcode + condition.code());
        label.emitDisplacement(code, 4);
    }
}
