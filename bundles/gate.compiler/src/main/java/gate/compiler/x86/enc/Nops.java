package gate.compiler.x86.enc;

/**
 * Padding with the recommended multi-byte NOP forms (Intel SDM vol. 2, NOP: "Recommended
 * Multi-Byte Sequence of NOP Instruction"), so that padding executes as few instructions as
 * possible.
 */
public final class Nops {
    /** The longest single NOP emitted. */
    public static final int MAX_LENGTH = 9;

    /** Index n holds the n-byte form, packed big-endian; 9 bytes do not fit, see {@link #emit}. */
    private static final long[] FORMS = {
        0,
        0x90L,
        0x6690L,
        0x0F1F00L,
        0x0F1F4000L,
        0x0F1F440000L,
        0x660F1F440000L,
        0x0F1F8000000000L,
        0x0F1F840000000000L,
    };

    private Nops() {}

    /** Appends exactly {@code count} bytes of NOPs, using as few instructions as possible. */
    public static void emit(CodeBuffer code, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative padding " + count);
        }
        while (count > 0) {
            int n = Math.min(count, MAX_LENGTH);
            if (n == MAX_LENGTH) {
                code.emit8(0x66); // 66 + the 8-byte form is the 9-byte form
                one(code, 8);
            } else {
                one(code, n);
            }
            count -= n;
        }
    }

    /** Pads with NOPs up to the next multiple of {@code alignment} (a power of two). */
    public static void align(CodeBuffer code, int alignment) {
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        emit(code, -code.position() & (alignment - 1));
    }

    private static void one(CodeBuffer code, int length) {
        long form = FORMS[length];
        for (int i = length - 1; i >= 0; i--) {
            code.emit8((int) (form >>> (8 * i)));
        }
    }
}
