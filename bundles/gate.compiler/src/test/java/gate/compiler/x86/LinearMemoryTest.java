package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import org.junit.jupiter.api.Test;

class LinearMemoryTest {

    @Test
    void offsetsUpToTheReservationFold() {
        assertTrue(LinearMemory.fitsDisplacement(0));
        assertTrue(LinearMemory.fitsDisplacement(0x7fffffffL));
        assertFalse(LinearMemory.fitsDisplacement(0x80000000L));
        assertFalse(LinearMemory.fitsDisplacement(-1));
        assertEquals(new Memory.Based(Reg.R14, Reg.RAX, 1, 0x7fffffff),
                LinearMemory.dynamic(Reg.RAX, 0x7fffffffL));
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.dynamic(Reg.RAX, 1L << 31));
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.dynamic(Reg.R14, 0));
    }

    @Test
    void constantAddresses() {
        assertEquals(Memory.at(Reg.R14, 0x1010), LinearMemory.constant(0x1000, 0x10));
        assertNull(LinearMemory.constant(0x7fffffffL, 1), "past 2^31 needs a register");
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.constant(1L << 32, 0));
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.constant(0, -1));
    }

    @Test
    void globalsLieBelowTheMemoryBase() {
        assertEquals(Memory.at(Reg.R14, -8), LinearMemory.global(4, 5));
        assertEquals(Memory.at(Reg.R14, -40), LinearMemory.global(0, 5));
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.global(5, 5));
    }

    @Test
    void storesOfConstants() {
        assertTrue(IntStore.I64_STORE.fitsImmediate(-1));
        assertFalse(IntStore.I64_STORE.fitsImmediate(0x80000000L));
        assertTrue(IntStore.I64_STORE32.fitsImmediate(0xffffffffL));
        assertTrue(IntStore.I32_STORE8.fitsImmediate(0x1234));
        assertThrows(IllegalArgumentException.class, () -> IntStore.I64_STORE.emitConstant(
                new gate.compiler.x86.enc.CodeBuffer(), Memory.at(Reg.R14), 1L << 40));
    }

    @Test
    void wasmNames() {
        assertEquals("i64.load8_u", IntLoad.I64_LOAD8_U.wasmName());
        assertEquals("i32.load", IntLoad.I32_LOAD.wasmName());
        assertEquals("i64.store32", IntStore.I64_STORE32.wasmName());
        assertEquals("f64", FloatAccess.F64.wasmType());
    }
}
