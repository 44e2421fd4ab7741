package gate.service.origin;

import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketSink;
import gate.api.ServiceInstance;
import gate.api.StreamData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The origin service of one program instance (architecture reference §6.4): each empty call
 * accepts one connection and is answered with {@code {i32 stream id, i32 0}} when a connection
 * arrives; flow and data packets then go to the {@link OriginStream} with their stream id. The
 * stdio channel is the same with stream 0 accepted at start and no accepting.
 *
 * <p>Suspension keeps no stream state yet (snapshots are a later step): {@link #suspend()}
 * flushes the streams and returns an empty state.
 *
 * <p>Thread contract: the broker's one-at-a-time calls plus connector callbacks on the offering
 * thread; this object's monitor guards the stream table.
 */
final class OriginInstance implements ServiceInstance {
    private final InstanceConfig config;
    private final OriginConnector connector;
    private final OriginConnection preAccepted;
    private final int bufferSize;
    private final TreeMap<Integer, OriginStream> streams = new TreeMap<>();
    private final List<Consumer<OriginConnection>> pendingAccepts = new ArrayList<>();
    private PacketSink sink;
    private boolean ended;

    /**
     * @param connector where connections come from, or null for the stdio channel
     * @param preAccepted the connection of stream 0 for the stdio channel, or null
     */
    OriginInstance(InstanceConfig config, OriginConnector connector, OriginConnection preAccepted, int bufferSize) {
        this.config = config;
        this.connector = connector;
        this.preAccepted = preAccepted;
        this.bufferSize = bufferSize;
    }

    @Override
    public synchronized void start(PacketSink packetSink) {
        sink = packetSink;
        if (preAccepted != null) {
            open(0, preAccepted).start();
        }
    }

    @Override
    public void handle(Packet packet) {
        switch (packet.domain()) {
            case CALL -> accept();
            case INFO -> {} // no signals defined
            case FLOW -> {
                for (FlowEntry entry : FlowEntry.decode(packet)) {
                    OriginStream stream = stream(entry.streamId());
                    if (stream != null) {
                        stream.handleFlow(entry.increment());
                    }
                }
            }
            case DATA -> {
                StreamData data = StreamData.decode(packet);
                OriginStream stream = stream(data.streamId());
                if (stream != null) {
                    stream.handleData(data);
                }
            }
        }
    }

    private void accept() {
        if (connector == null) {
            return; // the stdio channel accepts nothing
        }
        Consumer<OriginConnection> acceptor = new Consumer<>() {
            @Override
            public void accept(OriginConnection connection) {
                accepted(this, connection);
            }
        };
        synchronized (this) {
            pendingAccepts.add(acceptor);
        }
        connector.accept(acceptor);
    }

    private void accepted(Consumer<OriginConnection> acceptor, OriginConnection connection) {
        synchronized (this) {
            pendingAccepts.remove(acceptor);
            if (ended) {
                return;
            }
            int id = 0;
            while (streams.containsKey(id)) {
                id++; // the lowest free stream id (§6.4)
            }
            OriginStream stream = open(id, connection);
            ByteBuffer reply = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(id).putInt(0);
            sink.send(Packet.of(config.code(), Domain.CALL, 0, reply.array()));
            stream.start();
        }
    }

    private OriginStream open(int id, OriginConnection connection) {
        var stream = new OriginStream(id, config.code(), config.maxSendSize(), connection, sink, bufferSize);
        streams.put(id, stream);
        return stream;
    }

    private synchronized OriginStream stream(int id) {
        return streams.get(id);
    }

    @Override
    public byte[] suspend() {
        end();
        return new byte[0];
    }

    @Override
    public void shutdown() {
        end();
    }

    private void end() {
        List<OriginStream> open;
        synchronized (this) {
            ended = true;
            if (connector != null) {
                pendingAccepts.forEach(connector::cancel);
            }
            pendingAccepts.clear();
            open = new ArrayList<>(streams.values());
        }
        for (OriginStream stream : open) {
            try {
                stream.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
