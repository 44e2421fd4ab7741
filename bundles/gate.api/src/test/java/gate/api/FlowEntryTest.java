package gate.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowEntryTest {
    @Test
    void encodesEntriesLittleEndian() {
        Packet packet = FlowEntry.encode(1, List.of(new FlowEntry(2, 0x100), new FlowEntry(3, -1)));
        assertEquals(Domain.FLOW, packet.domain());
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 1, 0, 0, 3, 0, 0, 0, -1, -1, -1, -1}, packet.content());
    }

    @Test
    void decodeInvertsEncode() {
        List<FlowEntry> entries = List.of(new FlowEntry(0, 5), new FlowEntry(7, 0), new FlowEntry(9, -3));
        List<FlowEntry> decoded = FlowEntry.decode(Packet.decode(FlowEntry.encode(4, entries).encode()));
        assertEquals(entries, decoded);
        assertTrue(decoded.get(1).isClose());
        assertTrue(decoded.get(2).isError());
    }

    @Test
    void rejectsPartialEntriesAndOtherDomains() {
        assertThrows(PacketException.class, () -> FlowEntry.decode(Packet.of(0, Domain.FLOW, 0, new byte[12])));
        assertThrows(PacketException.class, () -> FlowEntry.decode(Packet.call(0, new byte[8])));
    }
}
