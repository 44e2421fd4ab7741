package gate.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live, read-only catalog of available services, provided by the broker as an OSGi service.
 *
 * <p>Thread contract: thread-safe; no method calls service or listener code on the caller's
 * thread.
 */
@ProviderType
public interface ServiceCatalog {
    /** The services available now, sorted by name (an immutable snapshot). */
    List<ServiceInfo> services();

    /**
     * Subscribes to availability changes. The listener first receives {@link
     * ServiceAvailabilityEvent.Kind#ADDED} for every service available at subscription time, then
     * every change in order, so it never misses or double-counts one. When an event arrives,
     * {@link #services()} already reflects it (or a later state).
     *
     * <p>Events are delivered one at a time on a broker notification thread, never while the
     * broker holds a lock. A listener that throws is logged and stays subscribed; a slow listener
     * delays the others, so listeners must hand long work to their own threads.
     *
     * @return the handle that ends the subscription
     */
    Subscription subscribe(ServiceAvailabilityListener listener);

    /** Ends a subscription; idempotent. After {@link #close()} returns, no further event starts. */
    @ProviderType
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
