package gate.api.admin;

/** Whether the broker lists a registered {@link gate.api.Service} in the catalog. */
public enum ProviderState {
    /** Listed: programs can discover it. */
    ACTIVE,
    /** Not listed: its name or revision is invalid, or another provider holds the name. */
    REJECTED;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
