package gate.service.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.Domain;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import gate.api.ServiceInstance;
import gate.api.ServiceStateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogInstanceTest {
    private static final int CODE = 3;

    private final List<ServiceInfo> services = new ArrayList<>(List.of(new ServiceInfo("catalog", "0")));
    private final ServiceCatalog catalog = new ServiceCatalog() {
        @Override
        public List<ServiceInfo> services() {
            return List.copyOf(services);
        }

        @Override
        public Subscription subscribe(ServiceAvailabilityListener listener) {
            throw new UnsupportedOperationException("the catalog service does not subscribe");
        }
    };
    private final CatalogService service = new CatalogService(catalog);
    private final RecordingSink sink = new RecordingSink();

    private ServiceInstance started(int maxSendSize, byte[] state) {
        ServiceInstance instance = service.createInstance(new InstanceConfig(CODE, maxSendSize), state);
        instance.start(sink);
        return instance;
    }

    private static Packet call(String content) {
        return Packet.call(CODE, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Packet packet) {
        return new String(packet.content(), StandardCharsets.UTF_8);
    }

    @Test
    void answersAJsonCallWithTheCurrentCatalog() {
        ServiceInstance instance = started(Packet.MAX_SIZE, new byte[0]);
        instance.handle(call("json"));
        services.add(new ServiceInfo("origin", "1"));
        instance.handle(call("json"));
        assertEquals(2, sink.sent.size());
        Packet first = sink.sent.get(0);
        assertEquals(Domain.CALL, first.domain());
        assertEquals(CODE, first.code());
        assertEquals(CatalogJson.indented(List.of(new ServiceInfo("catalog", "0"))), text(first));
        assertTrue(text(sink.sent.get(1)).contains("\"name\": \"origin\""));
    }

    @Test
    void answersOtherCallsEmptyAndIgnoresOtherDomains() {
        ServiceInstance instance = started(Packet.MAX_SIZE, new byte[0]);
        instance.handle(call("JSON"));
        instance.handle(call(""));
        instance.handle(Packet.info(CODE, "json".getBytes(StandardCharsets.US_ASCII)));
        instance.handle(Packet.of(CODE, Domain.FLOW, 0, new byte[8]));
        assertEquals(2, sink.sent.size());
        assertEquals(0, sink.sent.get(0).contentLength());
        assertEquals(0, sink.sent.get(1).contentLength());
    }

    @Test
    void fallsBackToCompactThenEmptyWhenTheReplyDoesNotFit() {
        String indented = CatalogJson.indented(services);
        String compact = CatalogJson.compact(services);
        ServiceInstance roomy = started(Packet.HEADER_SIZE + indented.length() - 1, new byte[0]);
        roomy.handle(call("json"));
        assertEquals(compact, text(sink.sent.get(0)));
        ServiceInstance cramped = started(Packet.HEADER_SIZE + compact.length() - 1, new byte[0]);
        cramped.handle(call("json"));
        assertEquals(0, sink.sent.get(1).contentLength());
    }

    @Test
    void keepsRefusedRepliesAsStateAndSendsThemAfterRestore() {
        ServiceInstance instance = started(Packet.MAX_SIZE, new byte[0]);
        sink.open = false;
        instance.handle(call("json"));
        instance.handle(call("other"));
        byte[] state = instance.suspend();
        assertArrayEquals(new byte[] {1, 2}, state);

        sink.open = true;
        started(Packet.MAX_SIZE, state);
        assertEquals(2, sink.sent.size());
        assertTrue(text(sink.sent.get(0)).contains("\"catalog\""));
        assertEquals(0, sink.sent.get(1).contentLength());
    }

    @Test
    void aQuietInstanceSuspendsToAnEmptyState() {
        ServiceInstance instance = started(Packet.MAX_SIZE, new byte[0]);
        instance.handle(call("json"));
        assertArrayEquals(new byte[0], instance.suspend());
    }

    @Test
    void rejectsCorruptStates() {
        InstanceConfig config = new InstanceConfig(CODE, Packet.MAX_SIZE);
        ServiceStateException unknown = assertThrows(ServiceStateException.class,
                () -> service.createInstance(config, new byte[] {1, 7}));
        assertTrue(unknown.getMessage().contains("unknown pending-call kind 7 at offset 1"), unknown.getMessage());
        assertThrows(ServiceStateException.class,
                () -> service.createInstance(config, new byte[CatalogInstance.MAX_PENDING + 1]));
    }

    @Test
    void reportsItsNameAndRevision() {
        assertEquals("catalog", service.name());
        assertEquals("0", service.revision());
    }
}
