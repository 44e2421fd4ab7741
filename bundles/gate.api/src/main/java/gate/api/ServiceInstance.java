package gate.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The state a service keeps for one program instance (architecture reference §6.3).
 *
 * <p>Lifecycle: {@link #start} once, then any number of {@link #handle} calls, then exactly one of
 * {@link #suspend()} (the program instance is being suspended and its state snapshotted) or {@link
 * #shutdown()} (it ended). The broker never calls a method after either of those.
 *
 * <p>Thread contract: the broker calls the methods of one instance from one thread at a time (not
 * necessarily the same thread), each call happening-before the next, so an instance needs no
 * locking for state only those methods touch. Work the instance does on its own threads must send
 * through the {@link PacketSink}, which is thread-safe. Methods must not block for long: they run
 * on the program's packet loop.
 */
@ConsumerType
public interface ServiceInstance {
    /**
     * Begins operation. A restored instance may resend replies that were pending when it was
     * suspended. The sink stays valid until {@link #suspend()} or {@link #shutdown()} returns.
     */
    void start(PacketSink sink);

    /**
     * Handles one packet the program sent to this service. Its code is the instance's {@link
     * InstanceConfig#code()}. A call must get exactly one reply, in order; calls a service does not
     * support get an empty reply by convention.
     *
     * @throws PacketException if the program broke the service's protocol; the broker then ends
     *     the program instance with that reason
     */
    void handle(Packet packet);

    /**
     * Stops sending and returns the state to pass to {@link Service#createInstance} on restore:
     * whatever must survive, such as calls that were received but not yet answered. An empty array
     * means there is nothing to restore.
     */
    byte[] suspend();

    /** Stops sending and releases resources; the program instance has ended. */
    void shutdown();
}
