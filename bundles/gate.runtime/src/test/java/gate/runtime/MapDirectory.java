package gate.runtime;

import gate.api.Service;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import gate.broker.ServiceDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed set of services, for running programs without OSGi. */
final class MapDirectory implements ServiceDirectory, ServiceCatalog {
    private final Map<String, Service> services = new ConcurrentHashMap<>();

    void add(Service service) {
        services.put(service.name(), service);
    }

    @Override
    public Optional<Service> find(String name) {
        return Optional.ofNullable(services.get(name));
    }

    @Override
    public List<ServiceInfo> services() {
        return services.values().stream().map(s -> new ServiceInfo(s.name(), s.revision())).sorted().toList();
    }

    @Override
    public Subscription subscribe(ServiceAvailabilityListener listener) {
        return () -> {};
    }
}
