package gate.compiler.x86.enc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.wasm.ResourceLimitException;
import org.junit.jupiter.api.Test;

class CodeBufferTest {

    @Test
    void appendsLittleEndianAndGrows() {
        CodeBuffer code = new CodeBuffer();
        for (int i = 0; i < 5000; i++) {
            code.emit8(i);
        }
        code.emit16(0x1234);
        code.emit32(0xdeadbeef);
        code.emit64(0x0102030405060708L);
        assertEquals(5014, code.position());
        byte[] bytes = code.toByteArray();
        assertEquals((byte) 4999, bytes[4999]);
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xef, (byte) 0xbe, (byte) 0xad,
            (byte) 0xde,
            8, 7, 6, 5, 4, 3, 2, 1}, java.util.Arrays.copyOfRange(bytes, 5000, 5014));
        assertEquals(0xdeadbeef, code.read32(5002));
    }

    @Test
    void patchesOnlyWrittenBytes() {
        CodeBuffer code = new CodeBuffer();
        code.emit32(0);
        code.patch32(0, -2);
        code.patch8(3, 0x7f);
        assertEquals(0x7ffffffe, code.read32(0));
        assertThrows(IndexOutOfBoundsException.class, () -> code.patch32(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> code.patch8(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> code.read8(4));
    }

    @Test
    void limitIsAResourceLimit() {
        CodeBuffer code = new CodeBuffer(10);
        code.fill(0xcc, 8);
        assertThrows(ResourceLimitException.class, () -> code.emit32(0));
        assertEquals(8, code.position(), "a refused write leaves the buffer as it was");
        code.emit16(0);
        assertThrows(ResourceLimitException.class, () -> code.emit8(0));
        assertThrows(ResourceLimitException.class, () -> new CodeBuffer(4).fill(0, 5));
    }
}
