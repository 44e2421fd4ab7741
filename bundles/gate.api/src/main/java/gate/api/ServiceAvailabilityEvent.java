package gate.api;

import java.util.Objects;

/**
 * A service became available or went away. A new revision under the same name shows as the old
 * one {@link Kind#REMOVED} followed by the new one {@link Kind#ADDED}.
 */
public record ServiceAvailabilityEvent(Kind kind, ServiceInfo service) {
    public enum Kind {
        ADDED,
        REMOVED
    }

    public ServiceAvailabilityEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
    }
}
