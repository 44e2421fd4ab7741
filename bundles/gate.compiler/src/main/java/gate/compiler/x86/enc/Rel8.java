package gate.compiler.x86.enc;

/** Intel operand encoding "D" with an 8-bit displacement: a short jump of -128..127 bytes. */
public enum Rel8 {
    JMP(0xEB);

    private final int opcode;

    Rel8(int opcode) {
        this.opcode = opcode;
    }

    /** Jumps to offset {@code target} of the same buffer, which must be within reach. */
    public void to(CodeBuffer code, int target) {
        code.emit8(opcode);
        Displacement.emit(code, 1, target);
    }

    /** Jumps to {@code label}; binding it out of reach fails. */
    public void to(CodeBuffer code, Label label) {
        code.emit8(opcode);
        label.emitDisplacement(code, 1);
    }
}
