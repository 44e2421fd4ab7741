package gate.broker;

import gate.abi.InstancePipe;
import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketException;
import gate.api.Service;
import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceCatalog;
import gate.api.StreamData;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker side of one program instance (architecture reference §1.9, §6): reads the packets
 * the program writes to its {@link InstancePipe}, answers service discovery, routes packets to
 * lazily created service instances, and queues what services send back.
 *
 * <p>Thread contract. One session thread per instance reads and dispatches program output; each
 * service instance runs on its own {@link SerialQueue} over the shared {@code serviceExecutor},
 * so a slow service delays only packets to itself (and, once its queue holds {@link
 * SessionOptions#serviceQueueLimit} bytes, the program that floods it). Services send through
 * non-blocking sinks into the pipe's input queue. Availability changes arrive on the broker's
 * notification thread and only update slots and queue notices. The session's monitor guards the
 * slot table; under it run only slot updates and non-blocking queueing, never service code.
 *
 * <p>Lifecycle: {@link #start}, the program runs on the pipe, then exactly one of {@link #close()}
 * (the program ended) or {@link #suspend()} (it stopped to be snapshotted), called after the
 * program's thread has stopped using the pipe.
 */
public final class Session implements AutoCloseable {
    /** The reserved code of the stdio channel (gate.abi README). */
    public static final int STDIO_CODE = -2;

    private static final System.Logger LOG = System.getLogger("gate.broker.session");
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final long SERVICE_END_TIMEOUT_NANOS = 10_000_000_000L;

    private final ServiceDirectory directory;
    private final Executor serviceExecutor;
    private final SessionOptions options;
    private final MemoryPipe pipe;
    private final List<ServiceSlot> slots = new ArrayList<>();
    private final ServiceSlot stdio;
    private final Thread thread;
    private volatile String violation;
    private ServiceCatalog.Subscription subscription;
    private boolean ended;

    private Session(ServiceDirectory directory, Executor serviceExecutor, SessionOptions options) {
        this.directory = directory;
        this.serviceExecutor = serviceExecutor;
        this.options = options;
        this.pipe = new MemoryPipe(options.inputCapacity(), options.debug());
        this.stdio = options.stdio() == null ? null
                : new ServiceSlot("(stdio)", STDIO_CODE, new InstanceConfig(0, Packet.MAX_SIZE), options.stdio(),
                        newQueue(), output());
        this.thread = Thread.ofVirtual().name("gate-session-" + NUMBERS.incrementAndGet()).unstarted(this::loop);
    }

    /**
     * Starts a session: subscribes to availability changes, starts the stdio channel, and starts
     * the session thread.
     *
     * @param serviceExecutor runs service code; it must not run tasks on the caller's thread
     */
    public static Session start(ServiceDirectory directory, Executor serviceExecutor, SessionOptions options) {
        var session = new Session(directory, serviceExecutor, options);
        session.subscription = directory.subscribe(session::availabilityChanged);
        if (session.stdio != null) {
            session.stdio.startEagerly();
        }
        session.thread.start();
        return session;
    }

    /** The program's end of the session. */
    public InstancePipe pipe() {
        return pipe;
    }

    /** Why the program was found breaking the protocol, if it was. */
    public Optional<String> violation() {
        return Optional.ofNullable(violation);
    }

    /**
     * The program has ended: delivers what it wrote, shuts every service instance down and ends
     * the program's input. Idempotent.
     */
    @Override
    public void close() throws InterruptedException {
        if (finishProgramOutput()) {
            forEachSlot(ServiceSlot::shutdown);
            awaitServices();
            pipe.endInput();
        }
    }

    /**
     * The program has stopped to be suspended: delivers what it wrote, then calls {@link
     * gate.api.ServiceInstance#suspend()} on every started service instance.
     *
     * @return the state of each discovered service by name (empty arrays for services with
     *     nothing to restore)
     */
    public Map<String, byte[]> suspend() throws InterruptedException {
        var states = new LinkedHashMap<String, byte[]>();
        if (!finishProgramOutput()) {
            return states;
        }
        var futures = new LinkedHashMap<String, CompletableFuture<byte[]>>();
        forEachSlot(slot -> futures.put(slot.name(), slot.suspend()));
        for (var entry : futures.entrySet()) {
            try {
                states.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                states.put(entry.getKey(), new byte[0]);
            }
        }
        awaitServices();
        pipe.endInput();
        return states;
    }

    private boolean finishProgramOutput() throws InterruptedException {
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
        }
        pipe.endOutput();
        thread.join();
        subscription.close();
        return true;
    }

    private void loop() {
        var reader = new PacketReader();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = pipe.takeOutput(buffer)) >= 0) {
                if (violation == null) {
                    try {
                        reader.feed(buffer, n, this::dispatch);
                    } catch (PacketException e) {
                        violation(e.publicMessage());
                    }
                }
            }
            if (violation == null && !reader.isEmpty()) {
                LOG.log(Level.DEBUG, "program ended in the middle of a packet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Routes one packet from the program (validation: reference §1.9). */
    private void dispatch(Packet packet) {
        if (violation != null) {
            return;
        }
        int code = packet.code();
        if (code == Packet.DISCOVERY_CODE) {
            if (packet.domain() != Domain.CALL) {
                throw new PacketException(6, "discovery packets must be calls, not " + packet.domain());
            }
            discover(packet);
            return;
        }
        checkPayload(packet);
        ServiceSlot slot;
        if (code == STDIO_CODE && stdio != null) {
            slot = stdio;
        } else {
            synchronized (this) {
                if (code < 0 || code >= slots.size()) {
                    throw new PacketException(4, "code " + code + " was not discovered");
                }
                slot = slots.get(code);
            }
        }
        try {
            slot.deliver(packet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketException(-1, "session interrupted");
        }
    }

    private static void checkPayload(Packet packet) {
        if (packet.domain() == Domain.DATA && packet.contentLength() < StreamData.PREFIX_SIZE) {
            throw new PacketException(Packet.HEADER_SIZE, "data packet lacks its stream id and note");
        }
        if (packet.domain() == Domain.FLOW && packet.contentLength() % FlowEntry.SIZE != 0) {
            throw new PacketException(Packet.HEADER_SIZE, "flow content is not a whole number of entries");
        }
    }

    private synchronized void discover(Packet request) {
        List<String> names = Discovery.parseRequest(request);
        if (slots.size() + names.size() > Discovery.MAX_SERVICES) {
            throw new PacketException(Packet.HEADER_SIZE, "more than " + Discovery.MAX_SERVICES + " services discovered");
        }
        for (String name : names) {
            for (ServiceSlot slot : slots) {
                if (slot.name().equals(name)) {
                    throw new PacketException(Packet.HEADER_SIZE, "service " + name + " was already discovered");
                }
            }
            int code = slots.size();
            slots.add(new ServiceSlot(name, code, new InstanceConfig(code, Packet.MAX_SIZE), lookup(name).orElse(null),
                    newQueue(), output()));
        }
        if (!pipe.deliver(Discovery.states(slots, false).encode())) {
            throw new PacketException(-1, "the program does not read its input (discovery reply does not fit)");
        }
    }

    private Optional<Service> lookup(String name) {
        Service own = options.ownServices().get(name);
        return own != null ? Optional.of(own) : directory.find(name);
    }

    /** Runs on the broker's notification thread: must not block. */
    private void availabilityChanged(ServiceAvailabilityEvent event) {
        String name = event.service().name();
        if (options.ownServices().containsKey(name)) {
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            boolean changed = false;
            for (ServiceSlot slot : slots) {
                if (slot.name().equals(name)) {
                    Optional<Service> now = directory.find(name);
                    changed = now.isPresent() ? slot.becomeAvailable(now.get()) : slot.becomeUnavailable();
                }
            }
            if (changed && !pipe.deliver(Discovery.states(slots, true).encode())) {
                LOG.log(Level.WARNING, "availability notice dropped: the program's input is full");
            }
        }
    }

    private void violation(String reason) {
        synchronized (this) {
            if (violation != null) {
                return;
            }
            violation = reason;
        }
        LOG.log(Level.DEBUG, () -> thread.getName() + ": ABI violation: " + reason);
        options.onViolation().accept(reason);
    }

    private SerialQueue newQueue() {
        return new SerialQueue(serviceExecutor, options.serviceQueueLimit());
    }

    private SessionOutput output() {
        return new SessionOutput() {
            @Override
            public boolean send(Packet packet, int wireCode) {
                byte[] encoded = packet.encode();
                // The code field (i16 at offset 4, §6.1) is rewritten in place: no second copy.
                encoded[4] = (byte) wireCode;
                encoded[5] = (byte) (wireCode >> 8);
                return pipe.deliver(encoded);
            }

            @Override
            public void violation(String reason) {
                Session.this.violation(reason);
            }
        };
    }

    private void forEachSlot(java.util.function.Consumer<ServiceSlot> action) {
        List<ServiceSlot> all;
        synchronized (this) {
            all = new ArrayList<>(slots);
        }
        if (stdio != null) {
            all.add(stdio);
        }
        all.forEach(action);
    }

    /**
     * Waits for the services to finish their shutdown or suspension, but not forever: a service
     * that hangs must not keep the instance from ending (its late work goes nowhere, the program's
     * input has ended).
     */
    private void awaitServices() throws InterruptedException {
        List<ServiceSlot> all = new ArrayList<>();
        forEachSlot(all::add);
        long deadline = System.nanoTime() + SERVICE_END_TIMEOUT_NANOS;
        for (ServiceSlot slot : all) {
            if (!slot.queue().awaitIdle(deadline)) {
                LOG.log(Level.WARNING, "service " + slot.name() + " did not finish within "
                        + SERVICE_END_TIMEOUT_NANOS / 1_000_000_000 + " s after its program ended");
            }
        }
    }
}
