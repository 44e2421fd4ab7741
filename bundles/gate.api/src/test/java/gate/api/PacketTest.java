package gate.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PacketTest {
    @Test
    void encodesTheHeaderLittleEndianAndPadsToEight() {
        Packet packet = Packet.of(0x1234, Domain.DATA, 7, "hello".getBytes(StandardCharsets.US_ASCII));
        byte[] wire = packet.encode();
        assertEquals(16, wire.length);
        assertArrayEquals(new byte[] {13, 0, 0, 0, 0x34, 0x12, 3, 7, 'h', 'e', 'l', 'l', 'o', 0, 0, 0}, wire);
        assertEquals(13, packet.size());
    }

    @Test
    void decodeInvertsEncode() {
        Packet packet = Packet.of(-1, Domain.INFO, 255, new byte[] {1, 2, 3});
        Packet decoded = Packet.decode(packet.encode());
        assertEquals(packet, decoded);
        assertEquals(-1, decoded.code());
        assertEquals(255, decoded.index());
        assertEquals(Domain.INFO, decoded.domain());
    }

    @Test
    void decodeAcceptsAnUnpaddedBufferAndAdvancesPastTheSize() {
        byte[] wire = Packet.call(2, new byte[] {9}).encode();
        ByteBuffer buffer = ByteBuffer.wrap(wire, 0, 9);
        Packet packet = Packet.decode(buffer);
        assertEquals(9, buffer.position());
        assertArrayEquals(new byte[] {9}, packet.content());
    }

    @Test
    void rejectsATruncatedHeader() {
        PacketException e = assertThrows(PacketException.class, () -> Packet.decode(new byte[7]));
        assertEquals(0, e.offset());
        assertTrue(e.reason().contains("truncated header"), e.getMessage());
    }

    @Test
    void rejectsASizeSmallerThanTheHeader() {
        byte[] wire = Packet.call(0, new byte[0]).encode();
        wire[0] = 7;
        assertThrows(PacketException.class, () -> Packet.decode(wire));
    }

    @Test
    void rejectsASizeBeyondTheBuffer() {
        byte[] wire = Packet.call(0, new byte[8]).encode();
        wire[0] = 17;
        PacketException e = assertThrows(PacketException.class, () -> Packet.decode(wire));
        assertTrue(e.reason().contains("exceeds the 16 bytes available"), e.getMessage());
    }

    @Test
    void rejectsASizeBeyondTheMaximum() {
        byte[] wire = new byte[Packet.MAX_SIZE + 8];
        ByteBuffer.wrap(wire).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(Packet.MAX_SIZE + 1);
        PacketException e = assertThrows(PacketException.class, () -> Packet.decode(wire));
        assertTrue(e.reason().contains("exceeds 65536"), e.getMessage());
    }

    @Test
    void rejectsAHugeUnsignedSize() {
        byte[] wire = {-1, -1, -1, -1, 0, 0, 0, 0};
        PacketException e = assertThrows(PacketException.class, () -> Packet.decode(wire));
        assertTrue(e.reason().contains("4294967295"), e.getMessage());
    }

    @Test
    void rejectsUnknownDomainsAndReservedBits() {
        byte[] wire = Packet.call(0, new byte[0]).encode();
        wire[6] = 4;
        assertEquals(6, assertThrows(PacketException.class, () -> Packet.decode(wire)).offset());
        wire[6] = 0x10;
        PacketException e = assertThrows(PacketException.class, () -> Packet.decode(wire));
        assertTrue(e.reason().contains("reserved domain bits"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytesBeyondThePadding() {
        byte[] wire = new byte[24];
        System.arraycopy(Packet.call(0, new byte[1]).encode(), 0, wire, 0, 16);
        assertThrows(PacketException.class, () -> Packet.decode(wire));
    }

    @Test
    void rejectsOutOfRangeFieldsWhenBuilding() {
        assertThrows(PacketException.class, () -> Packet.of(40000, Domain.CALL, 0, new byte[0]));
        assertThrows(PacketException.class, () -> Packet.of(0, Domain.CALL, 256, new byte[0]));
        assertThrows(PacketException.class, () -> Packet.call(0, new byte[Packet.MAX_CONTENT_SIZE + 1]));
        assertEquals(Packet.MAX_SIZE, Packet.call(0, new byte[Packet.MAX_CONTENT_SIZE]).size());
    }

    @Test
    void contentIsCopiedInAndOut() {
        byte[] content = {1, 2};
        Packet packet = Packet.call(0, content);
        content[0] = 5;
        packet.content()[1] = 6;
        assertArrayEquals(new byte[] {1, 2}, packet.content());
        assertTrue(packet.contentBuffer().isReadOnly());
    }

    @Test
    void withCodeAndIndexKeepTheRest() {
        Packet packet = Packet.info(3, new byte[] {4}).withCode(5).withIndex(6);
        assertEquals(Packet.of(5, Domain.INFO, 6, new byte[] {4}), packet);
    }
}
