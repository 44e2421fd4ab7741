package gate.broker;

import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketSink;

/**
 * The {@link PacketSink} of one service instance: checks what the service sends, rewrites the
 * code to the one the program knows, and queues it for the program.
 *
 * <p>Thread contract: thread-safe, never blocks ({@link SessionOutput#send} does not).
 */
final class SlotSink implements PacketSink {
    private final InstanceConfig config;
    private final int wireCode;
    private final SessionOutput output;
    private final Runnable onOverflow;
    private volatile boolean closed;

    SlotSink(InstanceConfig config, int wireCode, SessionOutput output, Runnable onOverflow) {
        this.config = config;
        this.wireCode = wireCode;
        this.output = output;
        this.onOverflow = onOverflow;
    }

    @Override
    public boolean send(Packet packet) {
        if (packet.code() != config.code()) {
            throw new IllegalArgumentException("packet code " + packet.code() + " is not the instance's code " + config.code());
        }
        if (packet.size() > config.maxSendSize()) {
            throw new IllegalArgumentException("packet of " + packet.size() + " bytes exceeds the maximum send size "
                    + config.maxSendSize());
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!output.send(packet, wireCode)) {
                closed = true;
                onOverflow.run();
                return false;
            }
            return true;
        }
    }

    /** Refuses everything from now on. */
    synchronized void close() {
        closed = true;
    }
}
