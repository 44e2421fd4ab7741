package gate.api;

/**
 * What a service instance needs to know about its place in the program (architecture reference
 * §6.3 {@code InstanceConfig}).
 *
 * @param code the service code the program discovered this service under (0..32767); every packet
 *     the instance sends carries it
 * @param maxSendSize the largest packet, header included, the instance may send (at least {@value
 *     #MIN_SEND_SIZE}, at most {@link Packet#MAX_SIZE})
 */
public record InstanceConfig(int code, int maxSendSize) {
    /** The smallest maximum send size a program may ask for: a header and a flow entry. */
    public static final int MIN_SEND_SIZE = Packet.HEADER_SIZE + FlowEntry.SIZE;

    public InstanceConfig {
        if (code < 0 || code > Short.MAX_VALUE) {
            throw new IllegalArgumentException("service code " + code + " is outside 0.." + Short.MAX_VALUE);
        }
        if (maxSendSize < MIN_SEND_SIZE || maxSendSize > Packet.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "max send size " + maxSendSize + " is outside " + MIN_SEND_SIZE + ".." + Packet.MAX_SIZE);
        }
    }

    /** The most content bytes one packet may carry. */
    public int maxContentSize() {
        return maxSendSize - Packet.HEADER_SIZE;
    }
}
