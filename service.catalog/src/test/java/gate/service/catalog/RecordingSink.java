package gate.service.catalog;

import gate.api.Packet;
import gate.api.PacketSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that records packets and can be switched to refuse them, as during suspension. */
final class RecordingSink implements PacketSink {
    final List<Packet> sent = new ArrayList<>();
    boolean open = true;

    @Override
    public boolean send(Packet packet) {
        if (open) {
            sent.add(packet);
        }
        return open;
    }
}
