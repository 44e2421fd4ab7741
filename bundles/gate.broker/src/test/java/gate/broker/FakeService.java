package gate.broker;

import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketSink;
import gate.api.Service;
import gate.api.ServiceInstance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A service whose instances answer each call with its content prefixed by the service's name,
 * optionally first waiting for a gate to open (a slow service). Records what happened.
 */
final class FakeService implements Service {
    final String name;
    final CountDownLatch gate;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<InstanceConfig> configs = new CopyOnWriteArrayList<>();

    FakeService(String name) {
        this(name, new CountDownLatch(0));
    }

    FakeService(String name, CountDownLatch gate) {
        this.name = name;
        this.gate = gate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String revision() {
        return "1";
    }

    @Override
    public ServiceInstance createInstance(InstanceConfig config, byte[] restoredState) {
        configs.add(config);
        events.add("create");
        return new ServiceInstance() {
            private PacketSink sink;

            @Override
            public void start(PacketSink packetSink) {
                sink = packetSink;
                events.add("start");
            }

            @Override
            public void handle(Packet packet) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] prefix = (name + ":").getBytes(StandardCharsets.UTF_8);
                byte[] content = packet.content();
                byte[] reply = new byte[prefix.length + content.length];
                System.arraycopy(prefix, 0, reply, 0, prefix.length);
                System.arraycopy(content, 0, reply, prefix.length, content.length);
                sink.send(Packet.call(config.code(), reply));
            }

            @Override
            public byte[] suspend() {
                events.add("suspend");
                return name.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void shutdown() {
                events.add("shutdown");
            }
        };
    }
}
