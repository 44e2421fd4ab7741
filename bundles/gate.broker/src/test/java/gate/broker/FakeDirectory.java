package gate.broker;

import gate.api.Service;
import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service directory whose changes are delivered on the thread that makes them. */
final class FakeDirectory implements ServiceDirectory {
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final List<ServiceAvailabilityListener> listeners = new CopyOnWriteArrayList<>();

    void add(Service service) {
        services.put(service.name(), service);
        notify(Kind.ADDED, service);
    }

    void remove(Service service) {
        services.remove(service.name());
        notify(Kind.REMOVED, service);
    }

    int subscribers() {
        return listeners.size();
    }

    private void notify(Kind kind, Service service) {
        var event = new ServiceAvailabilityEvent(kind, new ServiceInfo(service.name(), service.revision()));
        listeners.forEach(l -> l.serviceAvailabilityChanged(event));
    }

    @Override
    public Optional<Service> find(String name) {
        return Optional.ofNullable(services.get(name));
    }

    @Override
    public ServiceCatalog.Subscription subscribe(ServiceAvailabilityListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
