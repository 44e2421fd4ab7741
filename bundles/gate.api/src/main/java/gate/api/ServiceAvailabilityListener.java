package gate.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives availability changes of services; see {@link ServiceCatalog#subscribe}. */
@ConsumerType
@FunctionalInterface
public interface ServiceAvailabilityListener {
    void serviceAvailabilityChanged(ServiceAvailabilityEvent event);
}
