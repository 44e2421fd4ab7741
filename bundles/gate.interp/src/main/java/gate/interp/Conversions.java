package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;

/**
 * Float-to-integer truncations (core spec §4.3.4 trunc and trunc_sat). The trapping ones fail with
 * "invalid conversion to integer" for NaN and "integer overflow" when the truncated value does not
 * fit; the saturating ones clamp. Bounds are compared in double, where every f32 is exact.
 */
final class Conversions {
    private Conversions() {}

    private static final double TWO_31 = 2147483648.0;
    private static final double TWO_32 = 4294967296.0;
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    private static void checkNaN(double v) {
        if (v != v) {
            throw new TrapException(TrapId.INVALID_CONVERSION_TO_INTEGER);
        }
    }

    static int i32TruncS(double v) {
        checkNaN(v);
        if (!(v > -TWO_31 - 1 && v < TWO_31)) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return (int) v;
    }

    static int i32TruncU(double v) {
        checkNaN(v);
        if (!(v > -1 && v < TWO_32)) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return (int) (long) v;
    }

    static long i64TruncS(double v) {
        checkNaN(v);
        if (!(v >= -TWO_63 && v < TWO_63)) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return (long) v;
    }

    static long i64TruncU(double v) {
        checkNaN(v);
        if (!(v > -1 && v < TWO_64)) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return unsignedLong(v);
    }

    private static long unsignedLong(double v) {
        if (v < TWO_63) {
            return (long) v;
        }
        return (long) (v - TWO_63) + Long.MIN_VALUE;
    }

    /** Java's casts already saturate and map NaN to 0 for signed targets. */
    static int i32TruncSatU(double v) {
        if (v != v || v <= -1) {
            return 0;
        }
        if (v >= TWO_32) {
            return -1;
        }
        return (int) (long) v;
    }

    static long i64TruncSatU(double v) {
        if (v != v || v <= -1) {
            return 0;
        }
        if (v >= TWO_64) {
            return -1L;
        }
        return unsignedLong(v);
    }
}
