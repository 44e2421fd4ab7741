package gate.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One immutable packet of the packet protocol (architecture reference §6.1).
 *
 * <p>Wire layout, little-endian:
 *
 * <pre>
 * offset 0  u32 size    header + content, excluding padding
 * offset 4  i16 code    service code; -1 is service discovery, other negatives are reserved
 * offset 6  u8  domain  low 4 bits: {@link Domain}; the high bits must be zero
 * offset 7  u8  index   0 when sent; a call reply may use it to select the pending call it answers
 * offset 8  content
 * </pre>
 *
 * Senders pad a packet to a multiple of {@value #ALIGNMENT} bytes; {@link #encode()} does. A packet
 * is at most {@value #MAX_SIZE} bytes including its header.
 *
 * <p>Instances are immutable and thread-safe: the content is copied in and out.
 */
public final class Packet {
    /** Size of the header in bytes. */
    public static final int HEADER_SIZE = 8;
    /** Encoded packets are padded to a multiple of this. */
    public static final int ALIGNMENT = 8;
    /** Largest packet, header included, that may be sent or is accepted (§6.1). */
    public static final int MAX_SIZE = 65536;
    /** Largest content of a packet. */
    public static final int MAX_CONTENT_SIZE = MAX_SIZE - HEADER_SIZE;
    /** The code of service discovery packets (§6.2). */
    public static final int DISCOVERY_CODE = -1;

    private static final int DOMAIN_MASK = 0x0f;

    private final short code;
    private final Domain domain;
    private final byte index;
    private final byte[] content;

    private Packet(int code, Domain domain, int index, byte[] content) {
        this.code = (short) code;
        this.domain = domain;
        this.index = (byte) index;
        this.content = content;
    }

    /**
     * A packet with the given header fields and a copy of {@code content}.
     *
     * @throws PacketException if the code is outside i16, the index outside u8 or the content too
     *     large
     */
    public static Packet of(int code, Domain domain, int index, byte[] content) {
        if (code < Short.MIN_VALUE || code > Short.MAX_VALUE) {
            throw new PacketException(4, "code " + code + " is outside the i16 range");
        }
        if (index < 0 || index > 0xff) {
            throw new PacketException(7, "index " + index + " is outside the u8 range");
        }
        if (domain == null) {
            throw new PacketException(6, "no domain");
        }
        if (content.length > MAX_CONTENT_SIZE) {
            throw new PacketException(0, "size " + (HEADER_SIZE + content.length) + " exceeds " + MAX_SIZE);
        }
        return new Packet(code, domain, index, content.clone());
    }

    /** A call packet (a request, or a reply with index 0). */
    public static Packet call(int code, byte[] content) {
        return of(code, Domain.CALL, 0, content);
    }

    /** An info packet. */
    public static Packet info(int code, byte[] content) {
        return of(code, Domain.INFO, 0, content);
    }

    /**
     * Decodes one packet that starts at the buffer's position; reads up to the packet's size and
     * leaves the buffer's position after it (padding is not consumed).
     *
     * @throws PacketException if the bytes do not form a valid packet
     */
    public static Packet decode(ByteBuffer buffer) {
        ByteBuffer in = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < HEADER_SIZE) {
            throw new PacketException(0, "truncated header: " + in.remaining() + " of " + HEADER_SIZE + " bytes");
        }
        long size = Integer.toUnsignedLong(in.getInt(0));
        if (size < HEADER_SIZE) {
            throw new PacketException(0, "size " + size + " is smaller than the header");
        }
        if (size > MAX_SIZE) {
            throw new PacketException(0, "size " + size + " exceeds " + MAX_SIZE);
        }
        if (size > in.remaining()) {
            throw new PacketException(0, "size " + size + " exceeds the " + in.remaining() + " bytes available");
        }
        int domainByte = in.get(6) & 0xff;
        if ((domainByte & ~DOMAIN_MASK) != 0) {
            throw new PacketException(6, String.format("reserved domain bits are set (0x%02x)", domainByte));
        }
        Domain domain = Domain.of(domainByte);
        byte[] content = new byte[(int) size - HEADER_SIZE];
        in.get(HEADER_SIZE, content);
        buffer.position(buffer.position() + (int) size);
        return new Packet(in.getShort(4), domain, in.get(7) & 0xff, content);
    }

    /**
     * Decodes a buffer that holds exactly one packet plus at most its padding.
     *
     * @throws PacketException if the bytes do not form exactly one valid packet
     */
    public static Packet decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Packet packet = decode(buffer);
        if (bytes.length > paddedSize(packet.size())) {
            throw new PacketException(packet.size(), (bytes.length - packet.size()) + " bytes follow the packet, more than padding");
        }
        return packet;
    }

    /** The size rounded up to the next multiple of {@value #ALIGNMENT}. */
    public static int paddedSize(int size) {
        return (size + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** The wire form: header, content and zero padding to a multiple of {@value #ALIGNMENT}. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(paddedSize(size())).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(size()).putShort(code).put((byte) domain.number()).put(index).put(content);
        return out.array();
    }

    /** The service code (i16). */
    public int code() {
        return code;
    }

    public Domain domain() {
        return domain;
    }

    /** The index field (u8). */
    public int index() {
        return index & 0xff;
    }

    /** Header plus content size, without padding: the value of the size field. */
    public int size() {
        return HEADER_SIZE + content.length;
    }

    public int contentLength() {
        return content.length;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** A read-only little-endian view of the content. */
    public ByteBuffer contentBuffer() {
        return ByteBuffer.wrap(content).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether the content equals {@code expected} byte for byte. */
    public boolean contentEquals(byte[] expected) {
        return Arrays.equals(content, expected);
    }

    /** This packet with another code (the broker rewrites codes when it routes packets). */
    public Packet withCode(int newCode) {
        return of(newCode, domain, index(), content);
    }

    /** This packet with another index. */
    public Packet withIndex(int newIndex) {
        return of(code, domain, newIndex, content);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Packet p
                && p.code == code
                && p.domain == domain
                && p.index == index
                && Arrays.equals(p.content, content);
    }

    @Override
    public int hashCode() {
        return ((code * 31 + domain.hashCode()) * 31 + index) * 31 + Arrays.hashCode(content);
    }

    /** A short description: header fields and at most 16 content bytes in hex. */
    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(content, 0, Math.min(content.length, 16));
        return domain + " packet code " + code + " index " + index() + " content " + content.length
                + " bytes [" + hex + (content.length > 16 ? "...]" : "]");
    }
}
