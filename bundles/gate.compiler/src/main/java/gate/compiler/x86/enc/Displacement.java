package gate.compiler.x86.enc;

/** Relative branch displacements, counted from the end of the instruction. */
final class Displacement {
    private Displacement() {}

    /**
     * Appends a {@code width}-byte displacement (1 or 4) to {@code target}; the field must end the
     * instruction. A rel8 that cannot reach is a code generator bug.
     */
    static void emit(CodeBuffer code, int width, int target) {
        int rel = target - (code.position() + width);
        if (width == 1) {
            if (!Imm.isInt8(rel)) {
                throw new IllegalArgumentException(
                        "rel8 branch at " + (code.position() - 1) + " cannot reach " + target);
            }
            code.emit8(rel);
        } else {
            code.emit32(rel);
        }
    }
}
