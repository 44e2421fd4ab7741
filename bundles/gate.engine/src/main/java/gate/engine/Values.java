package gate.engine;

/** Helpers for the 64-bit value slots of the SPI (see the package documentation). */
public final class Values {
    /** The null reference, of either reference type. */
    public static final long NULL_REF = -1L;

    private Values() {}

    public static long i32(int v) {
        return v & 0xffff_ffffL;
    }

    public static long f32(float v) {
        return Float.floatToRawIntBits(v) & 0xffff_ffffL;
    }

    public static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    public static int asI32(long slot) {
        return (int) slot;
    }

    public static float asF32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    public static double asF64(long slot) {
        return Double.longBitsToDouble(slot);
    }
}
