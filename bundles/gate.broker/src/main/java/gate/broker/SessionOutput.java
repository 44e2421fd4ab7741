package gate.broker;

import gate.api.Packet;

/** What service slots need from their session. Thread-safe and non-blocking. */
interface SessionOutput {
    /**
     * Queues a packet for the program under {@code wireCode} (the code the program knows it by);
     * false if the program's input buffer is full.
     */
    boolean send(Packet packet, int wireCode);

    /** The program broke the protocol: the session ends it with this reason. */
    void violation(String reason);
}
