package gate.broker.impl;

import gate.api.ServiceInfo;
import gate.api.ServiceNames;
import java.util.Optional;

/**
 * One registered service as the registry tracks it: what it reported, where it comes from, the
 * arrival order, and why it can never be listed (an invalid name or revision), if so.
 *
 * @param <S> the service object type (the broker uses {@link gate.api.Service}; tests use
 *     anything)
 */
record Provider<S>(S service, String name, String revision, ProviderOrigin origin, long arrival,
        Optional<String> invalidity) {
    static <S> Provider<S> of(S service, String name, String revision, ProviderOrigin origin, long arrival) {
        return new Provider<>(service, String.valueOf(name), String.valueOf(revision), origin, arrival,
                ServiceNames.problem(name, revision));
    }

    /** A provider whose name or revision could not even be read. */
    static <S> Provider<S> broken(S service, ProviderOrigin origin, long arrival, String reason) {
        return new Provider<>(service, "?", "?", origin, arrival, Optional.of(reason));
    }

    boolean isValid() {
        return invalidity.isEmpty();
    }

    ServiceInfo info() {
        return new ServiceInfo(name, revision);
    }

    String describe() {
        return "service '" + name + "' revision '" + revision + "' of " + origin.describe();
    }
}
