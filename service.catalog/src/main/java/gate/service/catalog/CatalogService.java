package gate.service.catalog;

import gate.api.InstanceConfig;
import gate.api.Service;
import gate.api.ServiceCatalog;
import gate.api.ServiceInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code catalog} service: lets a program list the services it can discover (architecture
 * reference §6.4). Thread-safe: it only creates instances over the broker's thread-safe catalog.
 */
@Component(service = Service.class)
public final class CatalogService implements Service {
    static final String NAME = "catalog";
    /** Revision of the reply format and state encoding. */
    static final String REVISION = "0";

    private final ServiceCatalog catalog;

    @Activate
    public CatalogService(@Reference ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String revision() {
        return REVISION;
    }

    @Override
    public ServiceInstance createInstance(InstanceConfig config, byte[] restoredState) {
        return CatalogInstance.restore(config, catalog, restoredState);
    }
}
