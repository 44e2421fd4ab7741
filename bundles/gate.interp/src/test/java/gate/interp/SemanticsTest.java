package gate.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Instance;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.Values;
import org.junit.jupiter.api.Test;

/** Corner cases of numeric, memory and table semantics (semantics.wat). */
class SemanticsTest {
    private final Instance instance = TestModules.instantiate("semantics");

    private long call(String name, long... args) {
        return instance.invoke(name, args)[0];
    }

    private TrapId trap(String name, long... args) {
        return assertThrows(TrapException.class, () -> instance.invoke(name, args)).trap();
    }

    @Test
    void signalingNaNsSurviveLoadsStoresAndReinterpretation() {
        assertEquals(0x7fa0_0001L, call("f32.roundtrip", 0x7fa0_0001L));
        assertEquals(0xffa0_0001L, call("f32.roundtrip", 0xffa0_0001L));
        assertEquals(0x7ff4_0000_0000_0001L, call("f64.roundtrip", 0x7ff4_0000_0000_0001L));
    }

    @Test
    void declaredReferenceLocalsStartNull() {
        assertEquals(2, call("ref.locals")); // core §4.4.10: default values, null for references
    }

    @Test
    void negFlipsOnlyTheSignBitOfANaN() {
        assertEquals(0xffa0_0001L, call("f32.neg", 0x7fa0_0001L));
    }

    @Test
    void effectiveAddressIsComputedWithoutWrapping() {
        assertEquals(0, call("load.offset", 0));
        // 0xfffffffc + 4 would wrap to 0 in 32 bits: the spec's address is 2^32, out of bounds.
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, trap("load.offset", 0xffff_fffcL));
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, trap("load.offset", 65533));
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, trap("load.big-offset", 0x20));
    }

    @Test
    void memoryGrowStopsAtTheDeclaredMaximum() {
        assertEquals(1, call("grow", 1));
        assertEquals(Values.i32(-1), call("grow", 2));
        assertEquals(2, call("grow", 1));
        assertEquals(3, call("grow", 0));
        assertEquals(0, call("byte", 3 * 65536 - 1));
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, trap("byte", 3 * 65536));
    }

    @Test
    void divisionTraps() {
        assertEquals(TrapId.INTEGER_DIVIDE_BY_ZERO, trap("div_s", 1, 0));
        assertEquals(TrapId.INTEGER_OVERFLOW, trap("div_s", Values.i32(Integer.MIN_VALUE), Values.i32(-1)));
        assertEquals(0, call("rem_s", Values.i32(Integer.MIN_VALUE), Values.i32(-1)));
        assertEquals(Values.i32(-2), call("div_s", Values.i32(-7), 3));
    }

    @Test
    void truncationDistinguishesNaNFromOverflow() {
        assertEquals(TrapId.INVALID_CONVERSION_TO_INTEGER, trap("trunc", Values.f64(Double.NaN)));
        assertEquals(TrapId.INTEGER_OVERFLOW, trap("trunc", Values.f64(2147483648.0)));
        assertEquals(Values.i32(Integer.MIN_VALUE), call("trunc", Values.f64(-2147483648.9)));
        assertEquals(TrapId.INTEGER_OVERFLOW, trap("trunc", Values.f64(-2147483649.0)));
        assertEquals(-2048L, call("trunc_u64", Values.f64(18446744073709549568.0))); // 2^64 - 2048
        assertEquals(TrapId.INTEGER_OVERFLOW, trap("trunc_u64", Values.f64(18446744073709551616.0)));
    }

    @Test
    void unsignedConversionRoundsOnce() {
        // 2^64 - 1 rounds to 2^64; a double rounding through a signed path would differ.
        assertEquals(Values.f32(1.8446744E19f), call("convert_u64", -1L));
        assertEquals(Values.f32(9.223373E18f), call("convert_u64", 0x8000_0080_0000_0001L));
    }

    @Test
    void minOrdersSignedZerosAndPropagatesNaN() {
        assertEquals(Values.f64(-0.0), call("min", Values.f64(0.0), Values.f64(-0.0)));
        assertEquals(Values.f64(-0.0), call("min", Values.f64(-0.0), Values.f64(0.0)));
        assertEquals(true, Double.isNaN(Values.asF64(call("min", Values.f64(Double.NaN), Values.f64(1)))));
    }

    @Test
    void callIndirectChecksInSpecOrder() {
        assertEquals(1, call("call", 1));
        assertEquals(TrapId.NO_FUNCTION, trap("call", 0));
        assertEquals(TrapId.INDIRECT_CALL_INDEX_OUT_OF_BOUNDS, trap("call", 2));
    }

    @Test
    void memoryFillChecksBoundsBeforeWriting() {
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, trap("fill", 65530, 7, 10));
        assertEquals(0, call("byte", 65530));
        instance.invoke("fill", 65530, 7, 6);
        assertEquals(7, call("byte", 65535));
    }

    @Test
    void multiValueResultsAndBlockParameters() {
        assertArrayEquals(new long[] {2, 1}, instance.invoke("swap", 1, 2));
        assertEquals(7, call("block-multi", 1));
        assertEquals(9, call("block-multi", 0));
    }
}
