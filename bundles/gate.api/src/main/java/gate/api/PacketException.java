package gate.api;

/**
 * A packet that breaks the packet protocol (architecture reference §6), with the byte offset in
 * the packet where the problem was found (-1 when it concerns the packet as a whole).
 *
 * <p>Packets come from untrusted programs, so this is an expected outcome, not a bug: the broker
 * treats it as a protocol violation of the sending program. The message never carries host state,
 * so {@link #publicMessage()} may be shown to the program's owner.
 */
public class PacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public PacketException(int offset, String reason) {
        super(offset >= 0 ? "bad packet at offset " + offset + ": " + reason : "bad packet: " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** The reason alone, without the offset. */
    public String reason() {
        return reason;
    }

    /** Byte offset of the problem inside the packet, or -1. */
    public int offset() {
        return offset;
    }

    /** A message that is safe to show to whoever sent the packet. */
    public String publicMessage() {
        return getMessage();
    }
}
