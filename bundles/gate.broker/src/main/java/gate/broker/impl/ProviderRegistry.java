package gate.broker.impl;

import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog.Subscription;
import gate.api.ServiceInfo;
import gate.api.admin.ProviderInfo;
import gate.api.admin.ProviderState;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides which registered service holds each name, and so what the catalog lists.
 *
 * <p>Rules: a provider with an invalid name or revision ({@link gate.api.ServiceNames}) is
 * rejected. The first valid provider of a name holds it; later ones are rejected as duplicates.
 * When the holder goes away, the earliest-arrived remaining valid provider of that name takes over,
 * so a rejected duplicate becomes active without being re-registered.
 *
 * <p>Thread contract: thread-safe. {@code lock} guards {@code providers}, {@code holders} and
 * {@code arrivals}; under it runs only this class's code and {@link AvailabilityNotifier}'s
 * enqueueing, never service or listener code, and nothing is logged: every mutating method returns
 * the {@link LogLine}s for its caller to write after the lock is released. {@link #services()} reads
 * a volatile immutable snapshot without locking.
 *
 * @param <S> the service object type
 */
final class ProviderRegistry<S> {
    private static final Comparator<ProviderInfo> PROVIDER_ORDER =
            Comparator.comparing(ProviderInfo::name).thenComparingLong(ProviderInfo::serviceId);

    private final Object lock = new Object();
    private final Map<Long, Provider<S>> providers = new HashMap<>();
    private final Map<String, Provider<S>> holders = new TreeMap<>();
    private final AvailabilityNotifier notifier;
    private long arrivals;
    private volatile List<ServiceInfo> catalog = List.of();

    ProviderRegistry(AvailabilityNotifier notifier) {
        this.notifier = notifier;
    }

    /** Tracks a new registration whose name and revision were read already. */
    List<LogLine> add(S service, String name, String revision, ProviderOrigin origin) {
        synchronized (lock) {
            return admit(Provider.of(service, name, revision, origin, arrivals++));
        }
    }

    /** Tracks a registration whose name or revision could not be read; it stays rejected. */
    List<LogLine> addBroken(S service, ProviderOrigin origin, String reason) {
        synchronized (lock) {
            return admit(Provider.broken(service, origin, arrivals++, reason));
        }
    }

    /** Forgets a registration; if it held its name, the next valid provider of the name takes over. */
    List<LogLine> remove(long serviceId) {
        synchronized (lock) {
            Provider<S> gone = providers.remove(serviceId);
            if (gone == null) {
                return List.of(new LogLine(Level.DEBUG, "ignored removal of untracked service.id " + serviceId));
            }
            List<LogLine> log = new ArrayList<>();
            if (holders.get(gone.name()) != gone) {
                log.add(new LogLine(Level.INFO, "rejected " + gone.describe() + " went away"));
                return log;
            }
            holders.remove(gone.name());
            List<ServiceAvailabilityEvent> events = new ArrayList<>(2);
            events.add(new ServiceAvailabilityEvent(Kind.REMOVED, gone.info()));
            log.add(new LogLine(Level.INFO, "removed " + gone.describe()));
            successor(gone.name()).ifPresent(next -> {
                holders.put(next.name(), next);
                events.add(new ServiceAvailabilityEvent(Kind.ADDED, next.info()));
                log.add(new LogLine(Level.INFO, "added " + next.describe() + ", which takes over from "
                        + gone.origin().describe()));
            });
            commit(events);
            return log;
        }
    }

    /** The listed services, sorted by name. */
    List<ServiceInfo> services() {
        return catalog;
    }

    /** The service object that holds {@code name}, if any. */
    Optional<S> find(String name) {
        synchronized (lock) {
            return Optional.ofNullable(holders.get(name)).map(Provider::service);
        }
    }

    /** Every tracked registration with its state, sorted by name and service id. */
    List<ProviderInfo> providers() {
        synchronized (lock) {
            List<ProviderInfo> result = new ArrayList<>(providers.size());
            for (Provider<S> provider : providers.values()) {
                result.add(describe(provider));
            }
            result.sort(PROVIDER_ORDER);
            return List.copyOf(result);
        }
    }

    /** Subscribes at a consistent point: the listener sees the current catalog, then every change. */
    Subscription subscribe(ServiceAvailabilityListener listener) {
        synchronized (lock) {
            return notifier.subscribe(listener, catalog);
        }
    }

    private List<LogLine> admit(Provider<S> provider) {
        long serviceId = provider.origin().serviceId();
        if (providers.containsKey(serviceId)) {
            return List.of(new LogLine(Level.WARNING, "ignored second registration of " + provider.describe()));
        }
        providers.put(serviceId, provider);
        Optional<String> rejection = provider.invalidity().or(() -> duplicateOf(provider));
        if (rejection.isPresent()) {
            return List.of(new LogLine(Level.WARNING, "rejected " + provider.describe() + ": " + rejection.get()));
        }
        holders.put(provider.name(), provider);
        commit(List.of(new ServiceAvailabilityEvent(Kind.ADDED, provider.info())));
        return List.of(new LogLine(Level.INFO, "added " + provider.describe()));
    }

    private ProviderInfo describe(Provider<S> provider) {
        boolean active = holders.get(provider.name()) == provider;
        String reason = active ? "" : provider.invalidity().or(() -> duplicateOf(provider)).orElse("");
        ProviderOrigin origin = provider.origin();
        return new ProviderInfo(provider.name(), provider.revision(), origin.serviceId(), origin.bundleId(),
                origin.bundleSymbolicName(), active ? ProviderState.ACTIVE : ProviderState.REJECTED, reason);
    }

    private Optional<String> duplicateOf(Provider<S> provider) {
        Provider<S> holder = holders.get(provider.name());
        if (holder == null || holder == provider) {
            return Optional.empty();
        }
        return Optional.of("duplicate service name '" + provider.name() + "', already provided by "
                + holder.origin().describe());
    }

    private Optional<Provider<S>> successor(String name) {
        return providers.values().stream()
                .filter(p -> p.isValid() && p.name().equals(name))
                .min(Comparator.comparingLong(Provider::arrival));
    }

    /**
     * Publishes the new catalog, then its events: a listener that reads {@link #services()} when
     * an event arrives must see the change the event reports (or a later state), never an earlier
     * one.
     */
    private void commit(List<ServiceAvailabilityEvent> events) {
        catalog = holders.values().stream().map(Provider::info).toList();
        for (ServiceAvailabilityEvent event : events) {
            notifier.publish(event);
        }
    }
}
