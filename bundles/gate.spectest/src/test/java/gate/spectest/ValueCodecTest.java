package gate.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import gate.engine.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
    private static WasmValue v(String type, String value) {
        return new WasmValue(type, value, List.of());
    }

    @Test
    void slotsAreZeroExtendedBitPatterns() {
        assertEquals(0xffff_ffffL, ValueCodec.toSlot(v("i32", "4294967295")));
        assertEquals(-1L, ValueCodec.toSlot(v("i64", "18446744073709551615")));
        assertEquals(0x3f80_0000L, ValueCodec.toSlot(v("f32", "1065353216")));
        assertEquals(Values.NULL_REF, ValueCodec.toSlot(v("externref", "null")));
        assertEquals(42L, ValueCodec.toSlot(v("externref", "42")));
    }

    @Test
    void exactBitsMustMatch() {
        assertNull(ValueCodec.mismatch(v("f64", "9223372036854775808"), Values.f64(-0.0)));
        assertNotNull(ValueCodec.mismatch(v("f64", "0"), Values.f64(-0.0)));
        assertNotNull(ValueCodec.mismatch(v("i32", "4294967295"), -1L), "sign-extended i32 slot");
        assertNull(ValueCodec.mismatch(v("i32", "4294967295"), 0xffff_ffffL));
    }

    @Test
    void nanClasses() {
        assertNull(ValueCodec.mismatch(v("f32", "nan:canonical"), 0xffc0_0000L));
        assertNotNull(ValueCodec.mismatch(v("f32", "nan:canonical"), 0x7fc0_0001L));
        assertNull(ValueCodec.mismatch(v("f32", "nan:arithmetic"), 0x7fc0_0001L));
        assertNotNull(ValueCodec.mismatch(v("f32", "nan:arithmetic"), 0x7fa0_0000L));
        assertNotNull(ValueCodec.mismatch(v("f32", "nan:arithmetic"), 0x3fc0_0000L));
        assertNull(ValueCodec.mismatch(v("f64", "nan:canonical"), 0xfff8_0000_0000_0000L));
        assertNotNull(ValueCodec.mismatch(v("f64", "nan:canonical"), 0x7ff8_0000_0000_0001L));
        assertNull(ValueCodec.mismatch(v("f64", "nan:arithmetic"), 0x7ff8_0000_0000_0001L));
        assertNotNull(ValueCodec.mismatch(v("f64", "nan:arithmetic"), 0x7ff4_0000_0000_0000L));
    }

    @Test
    void trapTextPrefixRules() {
        org.junit.jupiter.api.Assertions.assertTrue(Assertions.textMatches("unreachable", "unreachable"));
        org.junit.jupiter.api.Assertions.assertTrue(
                Assertions.textMatches("out of bounds memory access", "out of bounds memory access at 65536"));
        org.junit.jupiter.api.Assertions.assertTrue(
                Assertions.textMatches("uninitialized element 2", "uninitialized element"));
        org.junit.jupiter.api.Assertions.assertFalse(Assertions.textMatches("undefined element", "unreachable"));
        org.junit.jupiter.api.Assertions.assertFalse(Assertions.textMatches("integer overflow", "integer"));
        org.junit.jupiter.api.Assertions.assertFalse(Assertions.textMatches("unreachable", ""));
    }
}
