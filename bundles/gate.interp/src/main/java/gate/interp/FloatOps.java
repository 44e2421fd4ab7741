package gate.interp;

/**
 * Float operations whose Java counterparts differ from the spec (core spec §4.3.3). Values are
 * passed as raw bits where the spec fixes the result bits (abs, neg, copysign never touch the
 * payload, so even signaling NaNs survive).
 */
final class FloatOps {
    private FloatOps() {}

    private static final int F32_CANONICAL_NAN = 0x7fc0_0000;
    private static final long F64_CANONICAL_NAN = 0x7ff8_0000_0000_0000L;

    static int f32Abs(int bits) {
        return bits & 0x7fff_ffff;
    }

    static int f32Neg(int bits) {
        return bits ^ 0x8000_0000;
    }

    static int f32Copysign(int a, int b) {
        return (a & 0x7fff_ffff) | (b & 0x8000_0000);
    }

    static long f64Abs(long bits) {
        return bits & 0x7fff_ffff_ffff_ffffL;
    }

    static long f64Neg(long bits) {
        return bits ^ 0x8000_0000_0000_0000L;
    }

    static long f64Copysign(long a, long b) {
        return (a & 0x7fff_ffff_ffff_ffffL) | (b & 0x8000_0000_0000_0000L);
    }

    /** fmin: NaN if either is NaN (a quiet one), and -0 below +0, which Math.min already does. */
    static int f32Min(float a, float b) {
        if (a != a || b != b) {
            return F32_CANONICAL_NAN;
        }
        return Float.floatToRawIntBits(Math.min(a, b));
    }

    static int f32Max(float a, float b) {
        if (a != a || b != b) {
            return F32_CANONICAL_NAN;
        }
        return Float.floatToRawIntBits(Math.max(a, b));
    }

    static long f64Min(double a, double b) {
        if (a != a || b != b) {
            return F64_CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(Math.min(a, b));
    }

    static long f64Max(double a, double b) {
        if (a != a || b != b) {
            return F64_CANONICAL_NAN;
        }
        return Double.doubleToRawLongBits(Math.max(a, b));
    }

    /** Rounding of a float through double is exact: every float is a double, rint keeps it. */
    static float f32Nearest(float a) {
        return (float) Math.rint(a);
    }

    static float f32Trunc(float a) {
        return (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    /**
     * Math.ceil, floor and rint return a NaN argument unchanged, signaling ones included; the
     * spec wants an arithmetic (quiet) NaN, so the quiet bit is set.
     */
    private static double quiet(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | 0x0008_0000_0000_0000L);
    }

    static double f64Ceil(double a) {
        return a != a ? quiet(a) : Math.ceil(a);
    }

    static double f64Floor(double a) {
        return a != a ? quiet(a) : Math.floor(a);
    }

    static double f64Nearest(double a) {
        return a != a ? quiet(a) : Math.rint(a);
    }

    static double f64Trunc(double a) {
        if (a != a) {
            return quiet(a);
        }
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    /** f32.convert_i64_u: halve with the low bit kept sticky, so the single rounding is right. */
    static float f32ConvertI64U(long v) {
        if (v >= 0) {
            return (float) v;
        }
        return (float) ((v >>> 1) | (v & 1)) * 2f;
    }

    static double f64ConvertI64U(long v) {
        if (v >= 0) {
            return (double) v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2d;
    }
}
