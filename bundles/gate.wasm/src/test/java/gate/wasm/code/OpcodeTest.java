package gate.wasm.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpcodeTest {
    @Test
    void everyEncodingIsUniqueAndFindable() {
        Set<Integer> encodings = new HashSet<>();
        for (Opcode op : Opcode.values()) {
            assertTrue(encodings.add(op.prefix << 16 | op.code), op.text);
            assertSame(op, op.prefix == 0 ? Opcode.ofByte(op.code) : Opcode.ofMisc(op.code));
        }
        // 2.0 without SIMD: 183 single-byte instructions and 18 prefixed ones
        assertEquals(201, Opcode.values().length);
        assertNull(Opcode.ofByte(0xfd));
        assertNull(Opcode.ofMisc(18));
    }

    @Test
    void spotChecks() {
        assertEquals("i64.trunc_sat_f64_u", Opcode.I64_TRUNC_SAT_F64_U.text);
        assertEquals(0xC4, Opcode.I64_EXTEND32_S.code);
        assertEquals("select", Opcode.SELECT_T.text);
        assertEquals(ImmediateKind.VALUE_TYPES, Opcode.SELECT_T.immediate);
        assertEquals(1, Opcode.I64_LOAD8_U.accessSize());
        assertEquals(2, Opcode.I32_STORE16.accessSize());
        assertEquals(4, Opcode.I64_STORE32.accessSize());
        assertEquals(4, Opcode.F32_LOAD.accessSize());
        assertEquals(8, Opcode.F64_STORE.accessSize());
        assertEquals("[I64, I64]", Opcode.I64_ADD.params().toString());
        assertEquals("[I32]", Opcode.I64_EQZ.results().toString());
    }
}
