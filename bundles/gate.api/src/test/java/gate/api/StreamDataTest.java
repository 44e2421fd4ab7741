package gate.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamDataTest {
    @Test
    void roundTrips() {
        StreamData data = new StreamData(5, -2, new byte[] {1, 2, 3});
        Packet packet = data.encode(9);
        assertArrayEquals(new byte[] {5, 0, 0, 0, -2, -1, -1, -1, 1, 2, 3}, packet.content());
        assertEquals(data, StreamData.decode(Packet.decode(packet.encode())));
    }

    @Test
    void emptyDataIsEndOfStream() {
        assertTrue(StreamData.decode(new StreamData(1, 0, new byte[0]).encode(0)).isEndOfStream());
    }

    @Test
    void rejectsShortContentOtherDomainsAndOversizedData() {
        assertThrows(PacketException.class, () -> StreamData.decode(Packet.of(0, Domain.DATA, 0, new byte[7])));
        assertThrows(PacketException.class, () -> StreamData.decode(Packet.info(0, new byte[8])));
        assertThrows(PacketException.class, () -> new StreamData(0, 0, new byte[StreamData.MAX_DATA_SIZE + 1]));
    }
}
