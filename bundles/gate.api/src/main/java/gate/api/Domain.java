package gate.api;

/**
 * The domain of a packet: the low 4 bits of header byte 6 (architecture reference §6.1). The
 * numbers are part of the program ABI and must never change.
 */
public enum Domain {
    /** Request/response: one reply per request, in order unless the index field selects one. */
    CALL(0),
    /** Asynchronous notifications and signals without flow control. */
    INFO(1),
    /** Stream capacity grants: repeated {@code {i32 stream id, i32 increment}} entries. */
    FLOW(2),
    /** Stream data: {@code i32 stream id, i32 note}, then bytes; empty means end of stream. */
    DATA(3);

    private static final Domain[] BY_NUMBER = values();

    private final int number;

    Domain(int number) {
        this.number = number;
    }

    /** The ABI number of this domain (0..3). */
    public int number() {
        return number;
    }

    /**
     * The domain with the given number.
     *
     * @throws PacketException if no domain has that number
     */
    public static Domain of(int number) {
        if (number < 0 || number >= BY_NUMBER.length) {
            throw new PacketException(6, "unknown domain " + number);
        }
        return BY_NUMBER[number];
    }
}
