package gate.broker;

import gate.api.Packet;
import gate.api.PacketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Cuts the program's output byte stream into packets (architecture reference §6.1): a header
 * whose size field says how long the packet is, then padding to a multiple of 8. Not thread-safe:
 * the session thread owns it.
 */
final class PacketReader {
    private final ByteBuffer pending = ByteBuffer.allocate(Packet.MAX_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * Consumes bytes and passes every complete packet to {@code sink}, in order.
     *
     * @throws PacketException if the stream does not hold valid packets; the stream is then
     *     unusable
     */
    void feed(byte[] bytes, int length, Consumer<Packet> sink) {
        int offset = 0;
        while (offset < length) {
            int n = Math.min(length - offset, wanted());
            pending.put(bytes, offset, n);
            offset += n;
            if (pending.position() >= Packet.HEADER_SIZE && pending.position() == packetExtent()) {
                pending.flip();
                Packet packet = Packet.decode(pending);
                pending.clear();
                sink.accept(packet);
            }
        }
    }

    /** True when no partial packet is buffered. */
    boolean isEmpty() {
        return pending.position() == 0;
    }

    /** Bytes still needed for the header or for the packet and its padding. */
    private int wanted() {
        if (pending.position() < Packet.HEADER_SIZE) {
            return Packet.HEADER_SIZE - pending.position();
        }
        return packetExtent() - pending.position();
    }

    private int packetExtent() {
        long size = Integer.toUnsignedLong(pending.getInt(0));
        if (size < Packet.HEADER_SIZE || size > Packet.MAX_SIZE) {
            throw new PacketException(0, "size " + size + " is outside " + Packet.HEADER_SIZE + ".." + Packet.MAX_SIZE);
        }
        // The padding of a maximum-size packet is zero, so the extent always fits the buffer.
        return Packet.paddedSize((int) size);
    }
}
