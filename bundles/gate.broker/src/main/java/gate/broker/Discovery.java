package gate.broker;

import gate.api.Packet;
import gate.api.PacketException;
import gate.api.ServiceNames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of service discovery (architecture reference §6.2). Request: call packet, code
 * -1, {@code u16 count} then count names, each {@code u8 length (1..127)} and bytes. Reply (call)
 * and change notice (info): code -1, {@code u16 total} then one state byte per discovered service,
 * bit 0 set when it is available.
 */
final class Discovery {
    /** The most services one program instance may discover. */
    static final int MAX_SERVICES = 256;
    /** State bit: the service is available. */
    static final int AVAILABLE = 1;

    private Discovery() {}

    /**
     * The names of a discovery request.
     *
     * @throws PacketException if the content is malformed
     */
    static List<String> parseRequest(Packet packet) {
        ByteBuffer in = packet.contentBuffer();
        if (in.remaining() < 2) {
            throw new PacketException(Packet.HEADER_SIZE, "discovery request lacks its u16 count");
        }
        int count = Short.toUnsignedInt(in.getShort());
        if (count > MAX_SERVICES) {
            throw new PacketException(Packet.HEADER_SIZE, "discovery of " + count + " names exceeds " + MAX_SERVICES);
        }
        var names = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            int offset = Packet.HEADER_SIZE + in.position();
            if (!in.hasRemaining()) {
                throw new PacketException(offset, "discovery request ends before name " + i);
            }
            int length = in.get() & 0xff;
            if (length < 1 || length > ServiceNames.MAX_NAME_BYTES) {
                throw new PacketException(offset, "service name length " + length + " is outside 1.."
                        + ServiceNames.MAX_NAME_BYTES);
            }
            if (in.remaining() < length) {
                throw new PacketException(offset, "service name of " + length + " bytes is truncated");
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            names.add(decode(bytes, offset));
        }
        if (in.hasRemaining()) {
            throw new PacketException(Packet.HEADER_SIZE + in.position(), in.remaining() + " bytes follow the names");
        }
        return names;
    }

    /** A reply (call domain) or change notice (info domain) listing every slot's state. */
    static Packet states(List<ServiceSlot> slots, boolean notice) {
        ByteBuffer out = ByteBuffer.allocate(2 + slots.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) slots.size());
        for (ServiceSlot slot : slots) {
            out.put((byte) (slot.isAvailable() ? AVAILABLE : 0));
        }
        byte[] content = out.array();
        return notice ? Packet.info(Packet.DISCOVERY_CODE, content) : Packet.call(Packet.DISCOVERY_CODE, content);
    }

    private static String decode(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PacketException(offset, "service name is not UTF-8");
        }
    }
}
