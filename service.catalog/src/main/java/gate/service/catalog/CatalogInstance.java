package gate.service.catalog;

import gate.api.Domain;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketSink;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import gate.api.ServiceInstance;
import gate.api.ServiceStateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The catalog service of one program instance (architecture reference §6.4): a call whose content
 * is {@code json} is answered with the current catalog as JSON; any other call gets an empty reply.
 * Info, flow and data packets mean nothing to the catalog and are ignored.
 *
 * <p>Replies the sink refuses (the program is being suspended) stay pending, in order, and become
 * the suspended state: one {@link PendingCall} byte per unanswered call. A restored instance sends
 * them when it starts.
 *
 * <p>Thread contract: confined, as {@link ServiceInstance} specifies: the broker calls it from one
 * thread at a time; it starts no threads of its own.
 */
final class CatalogInstance implements ServiceInstance {
    /** Most calls a program can have outstanding (the call window of §6.1). */
    static final int MAX_PENDING = 256;

    private static final byte[] JSON_REQUEST = "json".getBytes(StandardCharsets.US_ASCII);

    private final InstanceConfig config;
    private final ServiceCatalog catalog;
    private final Deque<PendingCall> pending;
    private PacketSink sink;

    private CatalogInstance(InstanceConfig config, ServiceCatalog catalog, Deque<PendingCall> pending) {
        this.config = config;
        this.catalog = catalog;
        this.pending = pending;
    }

    /**
     * An instance, fresh (empty state) or with the calls that were pending at suspension.
     *
     * @throws ServiceStateException if the state is not a sequence of pending-call bytes
     */
    static CatalogInstance restore(InstanceConfig config, ServiceCatalog catalog, byte[] state) {
        if (state.length > MAX_PENDING) {
            throw new ServiceStateException(CatalogService.NAME,
                    state.length + " pending calls exceed the call window of " + MAX_PENDING);
        }
        Deque<PendingCall> pending = new ArrayDeque<>(state.length);
        for (int i = 0; i < state.length; i++) {
            PendingCall kind = PendingCall.ofStateByte(state[i]);
            if (kind == null) {
                throw new ServiceStateException(CatalogService.NAME,
                        "unknown pending-call kind " + (state[i] & 0xff) + " at offset " + i);
            }
            pending.add(kind);
        }
        return new CatalogInstance(config, catalog, pending);
    }

    @Override
    public void start(PacketSink sink) {
        this.sink = sink;
        flush();
    }

    @Override
    public void handle(Packet packet) {
        if (packet.domain() != Domain.CALL) {
            return;
        }
        pending.add(packet.contentEquals(JSON_REQUEST) ? PendingCall.JSON : PendingCall.UNSUPPORTED);
        flush();
    }

    @Override
    public byte[] suspend() {
        byte[] state = new byte[pending.size()];
        int i = 0;
        for (PendingCall kind : pending) {
            state[i++] = kind.stateByte();
        }
        sink = null;
        return state;
    }

    @Override
    public void shutdown() {
        pending.clear();
        sink = null;
    }

    /** Sends pending replies in order until the sink refuses one. */
    private void flush() {
        while (sink != null && !pending.isEmpty()) {
            if (!sink.send(reply(pending.peek()))) {
                return;
            }
            pending.remove();
        }
    }

    private Packet reply(PendingCall kind) {
        byte[] content = kind == PendingCall.JSON ? json(catalog.services()) : new byte[0];
        return Packet.call(config.code(), content);
    }

    /**
     * The JSON reply, indented as the reference's; compact if that does not fit the program's send
     * size; empty (as for an unsupported call) if even that does not fit.
     */
    private byte[] json(List<ServiceInfo> services) {
        byte[] indented = CatalogJson.indented(services).getBytes(StandardCharsets.UTF_8);
        if (indented.length <= config.maxContentSize()) {
            return indented;
        }
        byte[] compact = CatalogJson.compact(services).getBytes(StandardCharsets.UTF_8);
        return compact.length <= config.maxContentSize() ? compact : new byte[0];
    }
}
