package gate.service.catalog;

/**
 * The kind of a call the catalog has received but not yet answered. The numbers are the bytes of
 * the suspended state (architecture reference §6.4: "1 byte pending-call kind") and must never
 * change.
 */
enum PendingCall {
    /** A {@code json} call: answered with the catalog as JSON. */
    JSON(1),
    /** Any other call: answered with an empty reply. */
    UNSUPPORTED(2);

    private final byte stateByte;

    PendingCall(int stateByte) {
        this.stateByte = (byte) stateByte;
    }

    byte stateByte() {
        return stateByte;
    }

    /** The kind for a state byte, or null if the byte names none. */
    static PendingCall ofStateByte(byte b) {
        for (PendingCall kind : values()) {
            if (kind.stateByte == b) {
                return kind;
            }
        }
        return null;
    }
}
