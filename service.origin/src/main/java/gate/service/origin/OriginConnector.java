package gate.service.origin;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The connections waiting for one program instance to accept them (architecture reference §6.4:
 * "when a client connects, ... a call reply is sent"). Connections offered before the program asks
 * wait here; accept requests made before a connection arrives wait too.
 *
 * <p>Thread contract: thread-safe; callbacks run on the thread that completes the pairing, outside
 * this object's monitor.
 */
public final class OriginConnector {
    private final ArrayDeque<OriginConnection> connections = new ArrayDeque<>();
    private final ArrayDeque<Consumer<OriginConnection>> acceptors = new ArrayDeque<>();

    /** Offers a connection to the program. */
    public void offer(OriginConnection connection) {
        Consumer<OriginConnection> acceptor;
        synchronized (this) {
            acceptor = acceptors.poll();
            if (acceptor == null) {
                connections.add(connection);
                return;
            }
        }
        acceptor.accept(connection);
    }

    /** Calls {@code acceptor} with the next connection, now or when one is offered. */
    void accept(Consumer<OriginConnection> acceptor) {
        OriginConnection connection;
        synchronized (this) {
            connection = connections.poll();
            if (connection == null) {
                acceptors.add(acceptor);
                return;
            }
        }
        acceptor.accept(connection);
    }

    /** Forgets a pending acceptor (its instance ended). */
    synchronized void cancel(Consumer<OriginConnection> acceptor) {
        acceptors.remove(acceptor);
    }
}
