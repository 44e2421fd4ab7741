package gate.broker;

import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketException;
import gate.api.Service;
import gate.api.ServiceInstance;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;

/**
 * One code of a program's service table: the name the program discovered, the service that holds
 * it (if any), and the lazily created {@link ServiceInstance} with its mailbox.
 *
 * <p>Thread contract: availability ({@link #becomeAvailable}, {@link #becomeUnavailable}) changes
 * on the broker's notification thread and the session thread, under this object's monitor;
 * everything that calls service code runs on the slot's {@link SerialQueue}. {@code instance} and
 * {@code sink} are touched only by queue tasks.
 */
final class ServiceSlot {
    private static final System.Logger LOG = System.getLogger("gate.broker.session");

    private final String name;
    private final int wireCode;
    private final InstanceConfig config;
    private final SerialQueue queue;
    private final SessionOutput output;
    private Service service;
    private ServiceInstance instance;
    private SlotSink sink;
    private boolean failed;

    /**
     * @param wireCode the code packets carry between program and session
     * @param config the instance's config; its code is what the service sees
     */
    ServiceSlot(String name, int wireCode, InstanceConfig config, Service service, SerialQueue queue, SessionOutput output) {
        this.name = name;
        this.wireCode = wireCode;
        this.config = config;
        this.service = service;
        this.queue = queue;
        this.output = output;
    }

    String name() {
        return name;
    }

    synchronized boolean isAvailable() {
        return service != null;
    }

    /** The service came (back); returns whether the state changed. */
    synchronized boolean becomeAvailable(Service newService) {
        boolean changed = service == null;
        service = newService;
        if (changed) {
            queue.submitControl(() -> failed = false); // a new registration gets a new chance
        }
        return changed;
    }

    /** The service went away: its instance is shut down; returns whether the state changed. */
    synchronized boolean becomeUnavailable() {
        if (service == null) {
            return false;
        }
        service = null;
        queue.submitControl(this::shutdownInstance);
        return true;
    }

    /**
     * Routes one packet from the program. Packets to an unavailable service are dropped (§6.2:
     * "packets to unavailable codes are silently dropped").
     */
    void deliver(Packet packet) throws InterruptedException {
        Service current;
        synchronized (this) {
            current = service;
        }
        if (current == null) {
            LOG.log(Level.DEBUG, () -> "dropped a packet to unavailable service " + name);
            return;
        }
        Packet forService = packet.withCode(config.code());
        queue.submit(() -> handle(current, forService), packet.size());
    }

    /** Creates and starts the instance now (the stdio channel is pre-accepted). */
    void startEagerly() {
        Service current;
        synchronized (this) {
            current = service;
        }
        queue.submitControl(() -> ensureInstance(current));
    }

    /** Queues the instance's shutdown after every packet delivered so far. */
    void shutdown() {
        queue.submitControl(this::shutdownInstance);
    }

    /** Queues the instance's suspension; completes with its state (empty if it never started). */
    CompletableFuture<byte[]> suspend() {
        var state = new CompletableFuture<byte[]>();
        queue.submitControl(() -> {
            byte[] bytes = new byte[0];
            if (instance != null) {
                sink.close();
                try {
                    bytes = instance.suspend();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "service " + name + " failed to suspend", e);
                }
                instance = null;
            }
            state.complete(bytes);
        });
        return state;
    }

    SerialQueue queue() {
        return queue;
    }

    private void handle(Service current, Packet packet) {
        if (!ensureInstance(current)) {
            return;
        }
        try {
            instance.handle(packet);
        } catch (PacketException e) {
            output.violation("service " + name + ": " + e.publicMessage());
        } catch (RuntimeException e) {
            fail("failed to handle a packet", e);
        }
    }

    private boolean ensureInstance(Service current) {
        if (failed || current == null) {
            return false;
        }
        synchronized (this) {
            if (service != current) {
                return false; // it went away after the packet was queued
            }
        }
        if (instance == null) {
            try {
                sink = new SlotSink(config, wireCode, output, this::overflowed);
                instance = current.createInstance(config, new byte[0]);
                instance.start(sink);
            } catch (RuntimeException e) {
                fail("failed to start", e);
                return false;
            }
        }
        return true;
    }

    private void overflowed() {
        LOG.log(Level.WARNING, "service " + name + " sent more than the program's input buffer holds;"
                + " shutting it down for this instance");
        queue.submitControl(() -> {
            failed = true;
            shutdownInstance();
        });
    }

    private void fail(String what, RuntimeException e) {
        LOG.log(Level.WARNING, "service " + name + " " + what + "; it is unavailable to this instance", e);
        failed = true;
        shutdownInstance();
    }

    private void shutdownInstance() {
        if (instance == null) {
            return;
        }
        sink.close();
        try {
            instance.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "service " + name + " failed to shut down", e);
        }
        instance = null;
        sink = null;
    }
}
