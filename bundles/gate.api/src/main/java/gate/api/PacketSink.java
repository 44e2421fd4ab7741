package gate.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link ServiceInstance} sends packets to its program: call replies, info notifications,
 * flow and data. Provided by the broker.
 *
 * <p>Thread contract: thread-safe; {@link #send} never blocks on the program and never calls
 * service code, so it may be called from any thread, including under the caller's own locks.
 * Packets from one thread arrive in the order they were sent.
 */
@ProviderType
public interface PacketSink {
    /**
     * Queues a packet for the program.
     *
     * @param packet a packet whose code is the instance's {@link InstanceConfig#code()} and whose
     *     size is at most {@link InstanceConfig#maxSendSize()}
     * @return true if the packet was accepted; false if the instance has been suspended or shut
     *     down, in which case the packet was dropped and a suspending instance should remember it
     *     as pending
     * @throws IllegalArgumentException if the code or size breaks the rules above (a bug in the
     *     service)
     */
    boolean send(Packet packet);
}
