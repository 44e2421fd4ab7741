package gate.compiler.x86.enc;

/**
 * The 16 condition codes of Jcc, SETcc and CMOVcc, in hardware order (the low nibble of their
 * opcodes). Names are Intel's; B/A are the unsigned and L/G the signed comparisons.
 */
public enum Condition {
    O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G;

    private static final Condition[] ALL = values();

    /** The 4-bit condition number. */
    public int code() {
        return ordinal();
    }

    /** The condition that holds exactly when this one does not (hardware flips the low bit). */
    public Condition negate() {
        return ALL[ordinal() ^ 1];
    }

    /** The suffix used in mnemonics, e.g. {@code "ae"} in {@code jae}. */
    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
