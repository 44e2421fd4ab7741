package gate.broker.impl;

import gate.api.Service;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import gate.api.admin.BrokerAdmin;
import gate.api.admin.ProviderInfo;
import gate.broker.ServiceDirectory;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The broker: tracks every registered {@link Service}, decides which one holds each name (see
 * {@link ProviderRegistry}), and provides the live {@link ServiceCatalog} and the {@link
 * BrokerAdmin} view.
 *
 * <p>Thread contract: thread-safe. SCR may call the bind and unbind methods concurrently with each
 * other and with the service methods (DS 112.3.3, dynamic policy); the registry serialises them.
 * Service code ({@link Service#name()}, {@link Service#revision()}) runs in the bind method before
 * any lock is taken; listener code runs on the notifier thread; logging happens after the registry
 * lock is released.
 */
@Component(service = {ServiceCatalog.class, BrokerAdmin.class, ServiceDirectory.class}, immediate = true)
public final class Broker implements ServiceCatalog, BrokerAdmin, ServiceDirectory {
    private static final System.Logger LOG = System.getLogger("gate.broker");
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final ExecutorService notifications = Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "gate-broker-notifier");
                thread.setDaemon(true);
                thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.ERROR, "notifier task failed", e));
                return thread;
            });
    private final ProviderRegistry<Service> registry = new ProviderRegistry<>(new AvailabilityNotifier(notifications));

    /** Binds a service registration (DS 112.3.2 event method with the reference for its origin). */
    @Reference(
            name = "service",
            service = Service.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeService")
    void addService(Service service, ServiceReference<Service> reference) {
        ProviderOrigin origin = originOf(reference);
        String name;
        String revision;
        try {
            name = service.name();
            revision = service.revision();
        } catch (RuntimeException e) {
            // API boundary: a faulty service is rejected, never allowed to break the broker.
            log(registry.addBroken(service, origin, "reading its name or revision failed: " + e));
            return;
        }
        log(registry.add(service, name, revision, origin));
    }

    void removeService(ServiceReference<Service> reference) {
        log(registry.remove(serviceId(reference)));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        notifications.shutdown();
        if (!notifications.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "availability listeners still busy after " + STOP_TIMEOUT_SECONDS
                    + " s; stopping without them");
        }
    }

    @Override
    public List<ServiceInfo> services() {
        return registry.services();
    }

    @Override
    public Subscription subscribe(ServiceAvailabilityListener listener) {
        return registry.subscribe(listener);
    }

    @Override
    public List<ProviderInfo> providers() {
        return registry.providers();
    }

    /** The service that holds {@code name}, for the program side of the broker. */
    @Override
    public Optional<Service> find(String name) {
        return registry.find(name);
    }

    private static ProviderOrigin originOf(ServiceReference<Service> reference) {
        Bundle bundle = reference.getBundle();
        long bundleId = bundle == null ? -1 : bundle.getBundleId();
        String symbolicName = bundle == null ? "(unregistered)" : String.valueOf(bundle.getSymbolicName());
        return new ProviderOrigin(serviceId(reference), bundleId, symbolicName);
    }

    private static long serviceId(ServiceReference<Service> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private static void log(List<LogLine> lines) {
        for (LogLine line : lines) {
            line.writeTo(LOG);
        }
    }
}
