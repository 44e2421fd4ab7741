package gate.itest;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.Service;
import gate.api.ServiceCatalog;
import gate.api.ServiceInstance;
import gate.api.admin.BrokerAdmin;
import gate.api.admin.ProviderInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What every integration test shares: the injected broker services, a capture of Gate's log that
 * fails the test on unexpected warnings, and a way to ask the real catalog service for its reply.
 */
public abstract class GateTestSupport {
    private static final int CATALOG_CODE = 7;

    @Inject
    protected BundleContext context;

    @Inject
    protected ServiceCatalog catalog;

    @Inject
    protected BrokerAdmin admin;

    protected LogCapture log;
    private final List<String> allowedWarnings = new ArrayList<>();

    @Before
    public void captureLog() {
        log = LogCapture.start("gate");
    }

    @After
    public void failOnUnexpectedWarnings() {
        try {
            assertEquals("unexpected warnings in Gate's log", List.of(), log.unexpectedWarnings(allowedWarnings));
        } finally {
            log.close();
        }
    }

    /** Allows WARNING records containing {@code fragment} in this test. */
    protected void allowWarning(String fragment) {
        allowedWarnings.add(fragment);
    }

    /**
     * Drives a fresh instance of the real {@code catalog} service with a {@code json} call and
     * returns the service names of its reply, parsed as JSON.
     */
    protected List<String> catalogServiceReply() throws InvalidSyntaxException {
        ServiceReference<Service> reference = catalogServiceReference();
        Service service = context.getService(reference);
        List<Packet> replies = new CopyOnWriteArrayList<>();
        try {
            assertEquals("catalog", service.name());
            ServiceInstance instance =
                    service.createInstance(new InstanceConfig(CATALOG_CODE, Packet.MAX_SIZE), new byte[0]);
            instance.start(replies::add);
            instance.handle(Packet.call(CATALOG_CODE, "json".getBytes(StandardCharsets.US_ASCII)));
            instance.shutdown();
        } finally {
            context.ungetService(reference);
        }
        assertEquals("one reply per call", 1, replies.size());
        Packet reply = replies.get(0);
        assertEquals(CATALOG_CODE, reply.code());
        JsonObject json = JsonParser.parseString(new String(reply.content(), StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> names = new ArrayList<>();
        for (JsonElement entry : json.getAsJsonArray("services")) {
            names.add(entry.getAsJsonObject().get("name").getAsString());
        }
        assertEquals("sorted by name", names.stream().sorted().toList(), names);
        return names;
    }

    /** The broker's record of the service registered by {@code symbolicName}. */
    protected Optional<ProviderInfo> provider(String symbolicName) {
        return admin.providers().stream().filter(p -> p.bundleSymbolicName().equals(symbolicName)).findFirst();
    }

    private ServiceReference<Service> catalogServiceReference() throws InvalidSyntaxException {
        for (ServiceReference<Service> reference : context.getServiceReferences(Service.class, null)) {
            if ("gate.service.catalog".equals(reference.getBundle().getSymbolicName())) {
                return reference;
            }
        }
        throw new AssertionError("no service from gate.service.catalog is registered");
    }
}
