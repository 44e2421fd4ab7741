package gate.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that programs can discover by name and talk to with packets (architecture reference
 * §6.3). Service bundles register implementations in the OSGi service registry under this
 * interface; the broker picks them up, checks their names with {@link ServiceNames} and lists them
 * in the {@link ServiceCatalog}.
 *
 * <p>Thread contract: implementations must be thread-safe. {@link #name()} and {@link #revision()}
 * must return the same values for the lifetime of the registration (the broker reads them once).
 * {@link #createInstance} may be called concurrently for different program instances.
 */
@ConsumerType
public interface Service {
    /** The name programs discover the service by; see {@link ServiceNames} for the rules. */
    String name();

    /** The revision of the implementation (informational; may be empty). */
    String revision();

    /**
     * Creates the per-program-instance part of the service. The broker then calls {@link
     * ServiceInstance#start} before it delivers any packet.
     *
     * @param config where the instance sits in its program's service table
     * @param restoredState what {@link ServiceInstance#suspend()} returned when the program
     *     instance was suspended, or an empty array for a fresh instance; it may come from an
     *     untrusted snapshot and must be validated
     * @throws ServiceStateException if {@code restoredState} cannot be restored
     */
    ServiceInstance createInstance(InstanceConfig config, byte[] restoredState);
}
