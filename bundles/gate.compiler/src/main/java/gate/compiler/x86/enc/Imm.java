package gate.compiler.x86.enc;

/** Range checks and emission of immediates and displacements. */
final class Imm {
    private Imm() {}

    /** True if {@code value} survives a round trip through a sign-extended 8-bit field. */
    static boolean isInt8(long value) {
        return value == (byte) value;
    }

    /** True if {@code value} survives a round trip through a sign-extended 32-bit field. */
    static boolean isInt32(long value) {
        return value == (int) value;
    }

    /**
     * True if {@code value} can be written to a field of {@code bytes} bytes, read back either
     * sign- or zero-extended (so both -1 and 255 fit one byte).
     */
    static boolean fits(long value, int bytes) {
        if (bytes >= 8) {
            return true;
        }
        long min = -(1L << (8 * bytes - 1));
        long max = (1L << (8 * bytes)) - 1;
        return value >= min && value <= max;
    }

    /** Appends the low {@code bytes} bytes of {@code value} (1, 2, 4 or 8). */
    static void emit(CodeBuffer code, long value, int bytes) {
        switch (bytes) {
            case 1 -> code.emit8((int) value);
            case 2 -> code.emit16((int) value);
            case 4 -> code.emit32((int) value);
            case 8 -> code.emit64(value);
            default -> throw new IllegalArgumentException("immediate of " + bytes + " bytes");
        }
    }

    /** Fails unless {@code value} {@linkplain #fits fits} {@code bytes} bytes. */
    static void check(long value, int bytes, Object insn) {
        if (!fits(value, bytes)) {
            throw new IllegalArgumentException(
                    insn + ": immediate " + value + " does not fit " + bytes + " bytes");
        }
    }

    /** Fails unless {@code value} fits a sign-extended byte. */
    static void checkInt8(long value, Object insn) {
        if (!isInt8(value)) {
            throw new IllegalArgumentException(
                    insn + ": immediate " + value + " is not a signed byte");
        }
    }
}
