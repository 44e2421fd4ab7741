package gate.broker.impl;

/**
 * Where a registered service comes from: its OSGi registration and the bundle that made it.
 *
 * @param serviceId the registration's {@code service.id}; unique while the framework runs
 */
public record ProviderOrigin(long serviceId, long bundleId, String bundleSymbolicName) {
    /** How log lines and rejection reasons name the provider. */
    public String describe() {
        return "bundle " + bundleSymbolicName + " [" + bundleId + "] (service.id " + serviceId + ")";
    }
}
