package gate.broker;

import gate.api.Service;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How one session is set up.
 *
 * @param ownServices services only this instance sees (such as its origin connection); they hide
 *     directory services of the same name and are always available
 * @param stdio the service behind the stdio channel (code {@value Session#STDIO_CODE}), or null
 *     for none; its instance is created when the session starts
 * @param inputCapacity bytes of packets that may wait for the program to read them; a service that
 *     overflows it is shut down for this instance (flow control keeps honest ones well below)
 * @param serviceQueueLimit bytes of packets that may wait for one service instance before the
 *     session stops reading the program's output
 * @param debug receives the program's debug output
 * @param onViolation called once, on the session thread, when the program breaks the packet
 *     protocol; the caller should kill the instance
 */
public record SessionOptions(
        Map<String, Service> ownServices,
        Service stdio,
        long inputCapacity,
        long serviceQueueLimit,
        Consumer<byte[]> debug,
        Consumer<String> onViolation) {

    /** Default {@link #inputCapacity}: 4 MiB. */
    public static final long DEFAULT_INPUT_CAPACITY = 4L << 20;
    /** Default {@link #serviceQueueLimit}: 1 MiB. */
    public static final long DEFAULT_SERVICE_QUEUE_LIMIT = 1L << 20;

    public SessionOptions {
        ownServices = Map.copyOf(ownServices);
        Objects.requireNonNull(debug, "debug");
        Objects.requireNonNull(onViolation, "onViolation");
        if (inputCapacity < 2 * 65536 || serviceQueueLimit < 65536) {
            throw new IllegalArgumentException("buffers must hold at least two maximum-size packets");
        }
    }

    /** Default capacities, no own services, no stdio, debug output dropped, violations ignored. */
    public static SessionOptions defaults() {
        return new SessionOptions(Map.of(), null, DEFAULT_INPUT_CAPACITY, DEFAULT_SERVICE_QUEUE_LIMIT,
                bytes -> {}, reason -> {});
    }

    public SessionOptions withOwnServices(Map<String, Service> services) {
        return new SessionOptions(services, stdio, inputCapacity, serviceQueueLimit, debug, onViolation);
    }

    public SessionOptions withStdio(Service service) {
        return new SessionOptions(ownServices, service, inputCapacity, serviceQueueLimit, debug, onViolation);
    }

    public SessionOptions withDebug(Consumer<byte[]> sink) {
        return new SessionOptions(ownServices, stdio, inputCapacity, serviceQueueLimit, sink, onViolation);
    }

    public SessionOptions withOnViolation(Consumer<String> listener) {
        return new SessionOptions(ownServices, stdio, inputCapacity, serviceQueueLimit, debug, listener);
    }
}
