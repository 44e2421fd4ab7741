package gate.compiler.x86.enc;

/** Intel operand encoding "D" with a 32-bit displacement: near jumps and calls. */
public enum Rel32 {
    JMP(0xE9),
    CALL(0xE8);

    /** Length of every instruction of this form. */
    public static final int LENGTH = 5;

    private final int opcode;

    Rel32(int opcode) {
        this.opcode = opcode;
    }

    /** Branches to offset {@code target} of the same buffer. */
    public void to(CodeBuffer code, int target) {
        code.emit8(opcode);
        Displacement.emit(code, 4, target);
    }

    /** Branches to {@code label}, bound now or later. */
    public void to(CodeBuffer code, Label label) {
        code.emit8(opcode);
        label.emitDisplacement(code, 4);
    }

    /**
     * Points the instruction of this kind that ends at {@code end} to {@code target}, e.g. a call
     * emitted before its callee was compiled. A single aligned 4-byte store, so the caller can
     * make it atomic with respect to running code if it keeps the field 4-byte aligned.
     */
    public void retarget(CodeBuffer code, int end, int target) {
        if (code.read8(end - LENGTH) != opcode) {
            throw new IllegalArgumentException("no " + this + " rel32 ends at " + end);
        }
        code.patch32(end - 4, target - end);
    }
}
