package gate.spectest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzExecComparisonTest {
    @Test
    void numbers() {
        assertTrue(FuzzExecComparison.sameValue("-1178109186", "-1178109186"));
        assertFalse(FuzzExecComparison.sameValue("9223372036854775807", "9223372036854775806"));
        assertTrue(FuzzExecComparison.sameValue("-8589934592.579", "-8.589934592579E9"));
        assertTrue(FuzzExecComparison.sameValue("0", "0.0"));
        assertTrue(FuzzExecComparison.sameValue("-nan:0xfffffffffffaf", "nan"));
        assertFalse(FuzzExecComparison.sameValue("nan:0x400000", "1.0"));
        assertFalse(FuzzExecComparison.sameValue("1.5", "1.6"));
        assertTrue(FuzzExecComparison.sameValue("-inf", "-inf"));
        assertFalse(FuzzExecComparison.sameValue("inf", "-inf"));
    }

    @Test
    void lines() {
        String r = "[fuzz-exec] note result: f => ";
        assertTrue(FuzzExecComparison.sameLine(r + "(1, -2.5)", r + "(1, -2.5)"));
        assertFalse(FuzzExecComparison.sameLine(r + "(1, -2.5)", r + "(1, 2.5)"));
        assertFalse(FuzzExecComparison.sameLine(r + "1", "[fuzz-exec] note result: g => 1"));
        assertTrue(FuzzExecComparison.sameLine("[trap final > memory: 8 > 4]", "[trap out of bounds memory access]"));
        assertFalse(FuzzExecComparison.sameLine("[trap unreachable]", r + "1"));
        assertTrue(FuzzExecComparison.sameLine("[LoggingExternalInterface logging 1 -2]",
                "[LoggingExternalInterface logging " + ((-2L << 32) | 1) + "]"));
    }

    @Test
    void sequences() {
        List<String> a = List.of("[fuzz-exec] calling f", "[trap unreachable]", "[fuzz-exec] calling g");
        assertNull(FuzzExecComparison.firstDifference(a, a));
        assertNotNull(FuzzExecComparison.firstDifference(a, a.subList(0, 2)));
        assertNull(FuzzExecComparison.firstDifference(List.of("[trap stack limit]", "x"), List.of("[trap unreachable]")));
    }
}
