package gate.shell.impl;

import gate.api.admin.ProviderInfo;

/**
 * One line of {@code gate:services}: a registered service and whether the broker lists it.
 *
 * @param bundle the providing bundle as {@code symbolic-name [id]}
 * @param state {@code active} or {@code rejected}
 * @param reason why it is rejected; empty when active
 */
public record ServiceRow(String name, String revision, String bundle, String state, String reason) {
    static ServiceRow of(ProviderInfo provider) {
        return new ServiceRow(provider.name(), provider.revision(),
                provider.bundleSymbolicName() + " [" + provider.bundleId() + "]",
                provider.state().isActive() ? "active" : "rejected", provider.reason());
    }
}
