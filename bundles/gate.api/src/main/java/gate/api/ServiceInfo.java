package gate.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * A service as the catalog lists it. Ordered by name, then revision (the catalog holds at most one
 * service per name).
 */
public record ServiceInfo(String name, String revision) implements Comparable<ServiceInfo> {
    private static final Comparator<ServiceInfo> ORDER =
            Comparator.comparing(ServiceInfo::name).thenComparing(ServiceInfo::revision);

    public ServiceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
    }

    @Override
    public int compareTo(ServiceInfo other) {
        return ORDER.compare(this, other);
    }
}
