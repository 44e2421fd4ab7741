package gate.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The content of a data packet: {@code i32 stream id, i32 note}, then bytes (architecture
 * reference §6.1). Data consumes flow capacity; empty data means end of stream; the note is
 * service-specific (an error code, say).
 *
 * @param data the bytes; the record keeps its own copy
 */
public record StreamData(int streamId, int note, byte[] data) {
    /** Size of the stream id and note that precede the bytes. */
    public static final int PREFIX_SIZE = 8;
    /** Most bytes one data packet can carry. */
    public static final int MAX_DATA_SIZE = Packet.MAX_CONTENT_SIZE - PREFIX_SIZE;

    public StreamData {
        if (data.length > MAX_DATA_SIZE) {
            throw new PacketException(-1, data.length + " data bytes do not fit in one packet");
        }
        data = data.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** Whether this is the end-of-stream marker (no bytes). */
    public boolean isEndOfStream() {
        return data.length == 0;
    }

    /** A data packet with this content. */
    public Packet encode(int code) {
        ByteBuffer content = ByteBuffer.allocate(PREFIX_SIZE + data.length).order(ByteOrder.LITTLE_ENDIAN);
        content.putInt(streamId).putInt(note).put(data);
        return Packet.of(code, Domain.DATA, 0, content.array());
    }

    /**
     * The content of a data packet.
     *
     * @throws PacketException if the packet is not a data packet or too short
     */
    public static StreamData decode(Packet packet) {
        if (packet.domain() != Domain.DATA) {
            throw new PacketException(6, "expected a data packet, got " + packet.domain());
        }
        ByteBuffer content = packet.contentBuffer();
        if (content.remaining() < PREFIX_SIZE) {
            throw new PacketException(Packet.HEADER_SIZE,
                    "data content of " + content.remaining() + " bytes lacks the stream id and note");
        }
        int streamId = content.getInt();
        int note = content.getInt();
        byte[] data = new byte[content.remaining()];
        content.get(data);
        return new StreamData(streamId, note, data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamData d
                && d.streamId == streamId
                && d.note == note
                && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return (streamId * 31 + note) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "StreamData[stream " + streamId + ", note " + note + ", " + data.length + " bytes "
                + HexFormat.of().formatHex(data, 0, Math.min(16, data.length)) + "]";
    }
}
