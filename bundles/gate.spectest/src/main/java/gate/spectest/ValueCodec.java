package gate.spectest;

import gate.engine.Values;

/**
 * Converts script values to the engine SPI's 64-bit slots and checks results against expectations
 * (exact bits; NaN classes for {@code nan:canonical} and {@code nan:arithmetic}, core spec §4.3.3).
 */
final class ValueCodec {
    private static final long F32_SIGNLESS = 0x7fff_ffffL;
    private static final long F32_CANONICAL_NAN = 0x7fc0_0000L;
    private static final long F64_SIGNLESS = 0x7fff_ffff_ffff_ffffL;
    private static final long F64_CANONICAL_NAN = 0x7ff8_0000_0000_0000L;

    private ValueCodec() {}

    /**
     * The slot for an argument.
     *
     * @throws IllegalArgumentException for a value the SPI cannot carry (v128, a non-null funcref)
     */
    static long toSlot(WasmValue v) {
        return switch (v.type()) {
            case "i32", "f32" -> Long.parseUnsignedLong(v.value()) & 0xffff_ffffL;
            case "i64", "f64" -> Long.parseUnsignedLong(v.value());
            case "externref" -> "null".equals(v.value()) ? Values.NULL_REF : Long.parseLong(v.value());
            case "funcref" -> {
                if (!"null".equals(v.value())) {
                    throw new IllegalArgumentException("funcref argument other than null: " + v.value());
                }
                yield Values.NULL_REF;
            }
            default -> throw new IllegalArgumentException("unsupported value type " + v.type());
        };
    }

    /** Null when {@code got} matches {@code expected}, else what is wrong with it. */
    static String mismatch(WasmValue expected, long got) {
        String type = expected.type();
        if ((type.equals("i32") || type.equals("f32")) && (got >>> 32) != 0) {
            return "slot " + Long.toHexString(got) + " is not a zero-extended " + type;
        }
        String value = expected.value();
        boolean ok = switch (value) {
            case "nan:canonical" -> isCanonicalNan(type, got);
            case "nan:arithmetic" -> isArithmeticNan(type, got);
            default -> toSlot(expected) == got;
        };
        return ok ? null : "expected " + format(type, expected.value()) + ", got " + format(type, got);
    }

    private static boolean isCanonicalNan(String type, long bits) {
        return type.equals("f32")
                ? (bits & F32_SIGNLESS) == F32_CANONICAL_NAN
                : (bits & F64_SIGNLESS) == F64_CANONICAL_NAN;
    }

    private static boolean isArithmeticNan(String type, long bits) {
        return type.equals("f32")
                ? (bits & F32_CANONICAL_NAN) == F32_CANONICAL_NAN
                : (bits & F64_CANONICAL_NAN) == F64_CANONICAL_NAN;
    }

    private static String format(String type, String value) {
        if (value.startsWith("nan:") || value.equals("null")) {
            return type + ":" + value;
        }
        return format(type, toSlot(new WasmValue(type, value, java.util.List.of())));
    }

    /** A readable form of a slot of the given type: bits and the value they stand for. */
    static String format(String type, long slot) {
        return switch (type) {
            case "i32" -> "i32:" + (int) slot;
            case "i64" -> "i64:" + slot;
            case "f32" -> "f32:0x" + Long.toHexString(slot) + " (" + Float.intBitsToFloat((int) slot) + ")";
            case "f64" -> "f64:0x" + Long.toHexString(slot) + " (" + Double.longBitsToDouble(slot) + ")";
            default -> type + ":" + (slot == Values.NULL_REF ? "null" : Long.toString(slot));
        };
    }
}
