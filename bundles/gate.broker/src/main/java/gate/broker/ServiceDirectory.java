package gate.broker;

import gate.api.Service;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where sessions look services up by name: the broker in OSGi, a map in tests and tools.
 *
 * <p>Thread contract: thread-safe. When a listener hears of a change, {@link #find} already
 * reflects it (or a later state), as {@link ServiceCatalog#subscribe} promises.
 */
@ProviderType
public interface ServiceDirectory {
    /** The service that holds {@code name} now. */
    Optional<Service> find(String name);

    /** Subscribes to availability changes; see {@link ServiceCatalog#subscribe}. */
    ServiceCatalog.Subscription subscribe(ServiceAvailabilityListener listener);
}
