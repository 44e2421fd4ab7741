package gate.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a flow packet: {@code {i32 stream id, i32 increment}} (architecture reference
 * §6.1). A positive increment grants that many more bytes of receive capacity, zero means the
 * receiver will not receive more (close), and a negative one is a service-specific error code.
 */
public record FlowEntry(int streamId, int increment) {
    /** Encoded size of one entry. */
    public static final int SIZE = 8;

    /** Whether this entry closes the stream. */
    public boolean isClose() {
        return increment == 0;
    }

    /** Whether this entry carries a service-specific error code instead of capacity. */
    public boolean isError() {
        return increment < 0;
    }

    /**
     * A flow packet holding the entries in order.
     *
     * @throws PacketException if there are too many entries for one packet
     */
    public static Packet encode(int code, List<FlowEntry> entries) {
        if ((long) entries.size() * SIZE > Packet.MAX_CONTENT_SIZE) {
            throw new PacketException(-1, entries.size() + " flow entries do not fit in one packet");
        }
        ByteBuffer content = ByteBuffer.allocate(entries.size() * SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (FlowEntry entry : entries) {
            content.putInt(entry.streamId).putInt(entry.increment);
        }
        return Packet.of(code, Domain.FLOW, 0, content.array());
    }

    /**
     * The entries of a flow packet.
     *
     * @throws PacketException if the packet is not a flow packet or its content is not a whole
     *     number of entries
     */
    public static List<FlowEntry> decode(Packet packet) {
        if (packet.domain() != Domain.FLOW) {
            throw new PacketException(6, "expected a flow packet, got " + packet.domain());
        }
        if (packet.contentLength() % SIZE != 0) {
            throw new PacketException(Packet.HEADER_SIZE,
                    "flow content of " + packet.contentLength() + " bytes is not a multiple of " + SIZE);
        }
        ByteBuffer content = packet.contentBuffer();
        List<FlowEntry> entries = new ArrayList<>(content.remaining() / SIZE);
        while (content.hasRemaining()) {
            entries.add(new FlowEntry(content.getInt(), content.getInt()));
        }
        return List.copyOf(entries);
    }
}
