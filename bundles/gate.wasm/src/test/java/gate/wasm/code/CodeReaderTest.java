package gate.wasm.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.wasm.MalformedModuleException;
import gate.wasm.ValType;
import org.junit.jupiter.api.Test;

class CodeReaderTest {
    private static CodeReader reader(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return new CodeReader(b);
    }

    private static void malformed(String reason, Runnable read) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, read::run);
        assertTrue(e.reason().startsWith(reason), e.reason());
    }

    @Test
    void u32() {
        assertEquals(0, reader(0x00).u32());
        assertEquals(624485, reader(0xe5, 0x8e, 0x26).u32());
        assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).u32()); // padded but 5 bytes: allowed
        assertEquals(-1, reader(0xff, 0xff, 0xff, 0xff, 0x0f).u32());
        assertEquals(0xFFFF_FFFFL, reader(0xff, 0xff, 0xff, 0xff, 0x0f).u32Long());
        malformed("integer representation too long", () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32());
        malformed("integer too large", () -> reader(0xff, 0xff, 0xff, 0xff, 0x1f).u32());
        malformed("unexpected end", () -> reader(0x80, 0x80).u32());
    }

    @Test
    void s32() {
        assertEquals(-1, reader(0x7f).s32());
        assertEquals(-128, reader(0x80, 0x7f).s32());
        assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).s32());
        assertEquals(Integer.MAX_VALUE, reader(0xff, 0xff, 0xff, 0xff, 0x07).s32());
        assertEquals(-1, reader(0xff, 0xff, 0xff, 0xff, 0x7f).s32());
        malformed("integer too large", () -> reader(0xff, 0xff, 0xff, 0xff, 0x0f).s32());
        malformed("integer too large", () -> reader(0x80, 0x80, 0x80, 0x80, 0x70).s32());
        malformed("integer representation too long", () -> reader(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s32());
    }

    @Test
    void s64() {
        assertEquals(-1L, reader(0x7f).s64());
        assertEquals(Long.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f).s64());
        assertEquals(Long.MAX_VALUE, reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00).s64());
        malformed("integer too large", () -> reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).s64());
        malformed("integer representation too long",
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s64());
    }

    @Test
    void s33AndBlockTypes() {
        assertEquals(BlockType.EMPTY, reader(0x40).blockType());
        int i32 = reader(0x7f).blockType();
        assertEquals(ValType.I32, BlockType.valueType(i32));
        assertEquals(BlockType.of(ValType.EXTERNREF), reader(0x6f).blockType());
        assertEquals(300, reader(0xac, 0x02).blockType());
        assertEquals(0xFFFF_FFFFL, reader(0xff, 0xff, 0xff, 0xff, 0x0f).s33());
        assertEquals(Integer.MAX_VALUE, reader(0xff, 0xff, 0xff, 0xff, 0x0f).blockType());
        malformed("malformed block type", () -> reader(0xff, 0x7f).blockType());
        malformed("unsupported feature: simd", () -> reader(0x7b).blockType());
        malformed("integer too large", () -> reader(0xff, 0xff, 0xff, 0xff, 0x2f).s33());
    }

    @Test
    void floatsAreRawBits() {
        assertEquals(0x7fc00001, reader(0x01, 0x00, 0xc0, 0x7f).f32Bits());
        assertEquals(0x7ff0000000000001L, reader(0x01, 0, 0, 0, 0, 0, 0xf0, 0x7f).f64Bits());
        malformed("unexpected end", () -> reader(0x01, 0x00, 0xc0).f32Bits());
    }

    @Test
    void opcodesAndImmediates() {
        assertEquals(Opcode.I32_ADD, reader(0x6a).opcode());
        assertEquals(Opcode.TABLE_FILL, reader(0xfc, 0x11).opcode());
        assertEquals(Opcode.I32_TRUNC_SAT_F32_S, reader(0xfc, 0x80, 0x00).opcode());
        malformed("illegal opcode", () -> reader(0xfc, 0x12).opcode());
        malformed("illegal opcode", () -> reader(0x06).opcode());
        malformed("unsupported feature: simd", () -> reader(0xfd, 0x00).opcode());
        assertArrayEquals(new int[] {1, 2, 0}, reader(0x02, 0x01, 0x02, 0x00).brTable());
        assertEquals(new MemArg(2, 0xFFFF_FFFFL), reader(0x02, 0xff, 0xff, 0xff, 0xff, 0x0f).memArg());
        malformed("zero byte expected", () -> reader(0x01).zeroByte());
        CodeReader r = reader(0x0e, 0x02, 0x00, 0x01, 0x00, 0x0b);
        r.skipImmediates(r.opcode());
        assertEquals(Opcode.END, r.opcode());
        assertTrue(r.atEnd());
    }

    @Test
    void limitIsEnforced() {
        CodeReader r = new CodeReader(new byte[] {1, 2, 3, 4}, 1, 3);
        assertEquals(2, r.u8());
        assertEquals(3, r.u8());
        malformed("unexpected end of section or function", r::u8);
        malformed("unexpected end", () -> new CodeReader(new byte[] {0x05}).count(1, 100, "things"));
    }

    @Test
    void names() {
        assertEquals("h€", reader(0x04, 'h', 0xe2, 0x82, 0xac).name(100));
        malformed("malformed UTF-8 encoding", () -> reader(0x02, 0xc0, 0xaf).name(100)); // overlong '/'
        malformed("malformed UTF-8 encoding", () -> reader(0x04, 0xf4, 0x90, 0x80, 0x80).name(100)); // > U+10FFFF
        malformed("malformed UTF-8 encoding", () -> reader(0x01, 0xe2).name(100));
        malformed("length out of bounds", () -> reader(0x05, 'a').name(100));
    }
}
