package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WasmLimitsTest {
    @Test
    void overridesByName() {
        WasmLimits limits = WasmLimits.DEFAULT.with(Map.of("moduleSize", 1 << 20, "tableSize", 1000L));
        assertEquals(1 << 20, limits.moduleSize());
        assertEquals(1000L, limits.tableSize());
        assertEquals(WasmLimits.DEFAULT.locals(), limits.locals());
        assertEquals(WasmLimits.DEFAULT, WasmLimits.DEFAULT.with(Map.of()));
    }

    @Test
    void rejectsUnknownNamesAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> WasmLimits.DEFAULT.with(Map.of("moduleSise", 1)));
        assertThrows(IllegalArgumentException.class, () -> WasmLimits.DEFAULT.with(Map.of("locals", -1)));
        assertThrows(IllegalArgumentException.class, () -> WasmLimits.DEFAULT.with(Map.of("locals", 1L << 40)));
        assertThrows(IllegalArgumentException.class, () -> WasmLimits.DEFAULT.with(Map.of("moduleSize", 4)));
    }
}
