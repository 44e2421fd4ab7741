package gate.api.admin;

import java.util.Objects;

/**
 * One registered {@link gate.api.Service} as the broker sees it: listed or rejected, and why.
 *
 * @param name the name the service reported (possibly invalid)
 * @param revision the revision it reported (possibly invalid)
 * @param serviceId the OSGi {@code service.id} of the registration
 * @param bundleId the id of the bundle that registered it
 * @param bundleSymbolicName that bundle's symbolic name
 * @param state whether it is listed
 * @param reason why it is rejected; empty when active
 */
public record ProviderInfo(
        String name,
        String revision,
        long serviceId,
        long bundleId,
        String bundleSymbolicName,
        ProviderState state,
        String reason) {
    public ProviderInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(bundleSymbolicName, "bundleSymbolicName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}
