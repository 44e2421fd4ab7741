package gate.interp;

/**
 * The immediate-free instructions that hot loops of compiled C rarely run: f32 arithmetic and
 * comparisons, f64 rounding, bit counts and conversions. They live outside {@link Interpreter}'s dispatch loop to keep
 * that method under the JIT's size limit for compilation (8000 bytes of bytecode), leaving room
 * for the fused instructions that matter more.
 */
final class ColdOps {
    private ColdOps() {}

    /** Executes {@code op} on the stack {@code s} whose top is {@code sp}; returns the new top. */
    static int execute(int op, long[] s, int sp) {
        switch (op) {
            case 0x5b -> { sp--; s[sp - 1] = f32(s[sp - 1]) == f32(s[sp]) ? 1 : 0; }
            case 0x5c -> { sp--; s[sp - 1] = f32(s[sp - 1]) != f32(s[sp]) ? 1 : 0; }
            case 0x5d -> { sp--; s[sp - 1] = f32(s[sp - 1]) < f32(s[sp]) ? 1 : 0; }
            case 0x5e -> { sp--; s[sp - 1] = f32(s[sp - 1]) > f32(s[sp]) ? 1 : 0; }
            case 0x5f -> { sp--; s[sp - 1] = f32(s[sp - 1]) <= f32(s[sp]) ? 1 : 0; }
            case 0x60 -> { sp--; s[sp - 1] = f32(s[sp - 1]) >= f32(s[sp]) ? 1 : 0; }
            case 0x8b -> s[sp - 1] = FloatOps.f32Abs((int) s[sp - 1]);
            case 0x8c -> s[sp - 1] = FloatOps.f32Neg((int) s[sp - 1]);
            case 0x8d -> s[sp - 1] = bits((float) Math.ceil(f32(s[sp - 1])));
            case 0x8e -> s[sp - 1] = bits((float) Math.floor(f32(s[sp - 1])));
            case 0x8f -> s[sp - 1] = bits(FloatOps.f32Trunc(f32(s[sp - 1])));
            case 0x90 -> s[sp - 1] = bits(FloatOps.f32Nearest(f32(s[sp - 1])));
            case 0x91 -> s[sp - 1] = bits((float) Math.sqrt(f32(s[sp - 1])));
            case 0x92 -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) + f32(s[sp])); }
            case 0x93 -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) - f32(s[sp])); }
            case 0x94 -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) * f32(s[sp])); }
            case 0x95 -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) / f32(s[sp])); }
            case 0x96 -> { sp--; s[sp - 1] = FloatOps.f32Min(f32(s[sp - 1]), f32(s[sp])); }
            case 0x97 -> { sp--; s[sp - 1] = FloatOps.f32Max(f32(s[sp - 1]), f32(s[sp])); }
            case 0x98 -> { sp--; s[sp - 1] = FloatOps.f32Copysign((int) s[sp - 1], (int) s[sp]); }
            case 0xa8 -> s[sp - 1] = Conversions.i32TruncS(f32(s[sp - 1]));
            case 0xa9 -> s[sp - 1] = Conversions.i32TruncU(f32(s[sp - 1]));
            case 0xaa -> s[sp - 1] = Conversions.i32TruncS(f64(s[sp - 1]));
            case 0xab -> s[sp - 1] = Conversions.i32TruncU(f64(s[sp - 1]));
            case 0xae -> s[sp - 1] = Conversions.i64TruncS(f32(s[sp - 1]));
            case 0xaf -> s[sp - 1] = Conversions.i64TruncU(f32(s[sp - 1]));
            case 0xb0 -> s[sp - 1] = Conversions.i64TruncS(f64(s[sp - 1]));
            case 0xb1 -> s[sp - 1] = Conversions.i64TruncU(f64(s[sp - 1]));
            case 0xb2 -> s[sp - 1] = bits((float) (int) s[sp - 1]);
            case 0xb3 -> s[sp - 1] = bits((float) (s[sp - 1] & 0xffff_ffffL));
            case 0xb4 -> s[sp - 1] = bits((float) s[sp - 1]);
            case 0xb5 -> s[sp - 1] = bits(FloatOps.f32ConvertI64U(s[sp - 1]));
            case 0xb6 -> s[sp - 1] = bits((float) f64(s[sp - 1]));
            case 0xb7 -> s[sp - 1] = bits((double) (int) s[sp - 1]);
            case 0xb8 -> s[sp - 1] = bits((double) (s[sp - 1] & 0xffff_ffffL));
            case 0xb9 -> s[sp - 1] = bits((double) s[sp - 1]);
            case 0xba -> s[sp - 1] = bits(FloatOps.f64ConvertI64U(s[sp - 1]));
            case 0xbb -> s[sp - 1] = bits((double) f32(s[sp - 1]));
            case 0xc0 -> s[sp - 1] = (byte) s[sp - 1];
            case 0xc1 -> s[sp - 1] = (short) s[sp - 1];
            case 0xc2 -> s[sp - 1] = (long) (byte) s[sp - 1];
            case 0xc3 -> s[sp - 1] = (long) (short) s[sp - 1];
            case 0xc4 -> s[sp - 1] = (long) (int) s[sp - 1];
            // saturating truncations (core spec §4.3.4 trunc_sat): Java's casts saturate
            case Op.PREFIX_FC -> s[sp - 1] = (int) f32(s[sp - 1]);
            case Op.PREFIX_FC + 1 -> s[sp - 1] = Conversions.i32TruncSatU(f32(s[sp - 1]));
            case Op.PREFIX_FC + 2 -> s[sp - 1] = (int) f64(s[sp - 1]);
            case Op.PREFIX_FC + 3 -> s[sp - 1] = Conversions.i32TruncSatU(f64(s[sp - 1]));
            case Op.PREFIX_FC + 4 -> s[sp - 1] = (long) f32(s[sp - 1]);
            case Op.PREFIX_FC + 5 -> s[sp - 1] = Conversions.i64TruncSatU(f32(s[sp - 1]));
            case Op.PREFIX_FC + 6 -> s[sp - 1] = (long) f64(s[sp - 1]);
            case Op.PREFIX_FC + 7 -> s[sp - 1] = Conversions.i64TruncSatU(f64(s[sp - 1]));
            // bit counts and f64 rounding
            case 0x67 -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
            case 0x68 -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
            case 0x69 -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
            case 0x79 -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
            case 0x7a -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
            case 0x7b -> s[sp - 1] = Long.bitCount(s[sp - 1]);
            case 0x9b -> s[sp - 1] = bits(FloatOps.f64Ceil(f64(s[sp - 1])));
            case 0x9c -> s[sp - 1] = bits(FloatOps.f64Floor(f64(s[sp - 1])));
            case 0x9d -> s[sp - 1] = bits(FloatOps.f64Trunc(f64(s[sp - 1])));
            case 0x9e -> s[sp - 1] = bits(FloatOps.f64Nearest(f64(s[sp - 1])));
            case 0x9f -> s[sp - 1] = bits(Math.sqrt(f64(s[sp - 1])));
            default -> throw new IllegalStateException("bad internal opcode " + op);
        }
        return sp;
    }

    private static float f32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double f64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }
}
