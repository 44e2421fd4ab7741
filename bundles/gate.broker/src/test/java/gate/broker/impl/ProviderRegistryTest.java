package gate.broker.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceCatalog.Subscription;
import gate.api.ServiceInfo;
import gate.api.admin.ProviderInfo;
import gate.api.admin.ProviderState;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    private final ManualExecutor executor = new ManualExecutor();
    private final ProviderRegistry<String> registry = new ProviderRegistry<>(new AvailabilityNotifier(executor));
    private final List<ServiceAvailabilityEvent> events = new ArrayList<>();

    private static ProviderOrigin origin(long serviceId) {
        return new ProviderOrigin(serviceId, 10 + serviceId, "bundle" + serviceId);
    }

    private void subscribe() {
        registry.subscribe(events::add);
        executor.runAll();
    }

    @Test
    void listsValidServicesSortedByName() {
        registry.add("z", "zeta", "1", origin(1));
        registry.add("a", "alpha", "", origin(2));
        assertEquals(List.of(new ServiceInfo("alpha", ""), new ServiceInfo("zeta", "1")), registry.services());
        assertEquals(Optional.of("a"), registry.find("alpha"));
    }

    @Test
    void rejectsAnInvalidNameWithOneWarningNamingTheBundle() {
        List<LogLine> log = registry.add("x", "bad name", "0", origin(3));
        assertEquals(1, log.size());
        assertEquals(Level.WARNING, log.get(0).level());
        assertTrue(log.get(0).message().contains("bundle3 [13]"), log.get(0).message());
        assertTrue(log.get(0).message().contains("U+0020"), log.get(0).message());
        assertEquals(List.of(), registry.services());
        ProviderInfo info = registry.providers().get(0);
        assertEquals(ProviderState.REJECTED, info.state());
        assertTrue(info.reason().startsWith("service name contains"), info.reason());
    }

    @Test
    void rejectsAnInvalidRevision() {
        registry.add("x", "ok", "with space", origin(1));
        assertEquals(List.of(), registry.services());
        assertTrue(registry.providers().get(0).reason().startsWith("service revision"));
    }

    @Test
    void rejectsADuplicateAndLetsItTakeOverWhenTheHolderGoes() {
        subscribe();
        registry.add("first", "dup", "1", origin(1));
        List<LogLine> rejected = registry.add("second", "dup", "2", origin(2));
        assertTrue(rejected.get(0).message().contains("duplicate service name 'dup', already provided by bundle bundle1"),
                rejected.get(0).message());
        assertEquals(List.of(new ServiceInfo("dup", "1")), registry.services());

        List<LogLine> removal = registry.remove(1);
        assertEquals(List.of(new ServiceInfo("dup", "2")), registry.services());
        assertTrue(removal.get(1).message().contains("takes over"), removal.toString());
        assertEquals(Optional.of("second"), registry.find("dup"));
        assertEquals(ProviderState.ACTIVE, registry.providers().get(0).state());
        executor.runAll();
        assertEquals(List.of(
                new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("dup", "1")),
                new ServiceAvailabilityEvent(Kind.REMOVED, new ServiceInfo("dup", "1")),
                new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("dup", "2"))), events);
    }

    @Test
    void theEarliestRemainingDuplicateTakesOver() {
        registry.add("a", "dup", "1", origin(5));
        registry.add("b", "dup", "2", origin(3));
        registry.add("c", "dup", "3", origin(4));
        registry.remove(3);
        registry.remove(5);
        assertEquals(List.of(new ServiceInfo("dup", "3")), registry.services());
    }

    @Test
    void duplicateReasonsFollowTheCurrentHolder() {
        registry.add("a", "dup", "1", origin(1));
        registry.add("b", "dup", "2", origin(2));
        registry.add("c", "dup", "3", origin(3));
        registry.remove(1);
        ProviderInfo third = registry.providers().get(1);
        assertEquals(3, third.serviceId());
        assertTrue(third.reason().contains("bundle2"), third.reason());
    }

    @Test
    void invalidProvidersNeverTakeOver() {
        registry.add("a", "dup", "1", origin(1));
        registry.add("b", "dup", "bad revision", origin(2));
        registry.remove(1);
        assertEquals(List.of(), registry.services());
        assertEquals(Optional.empty(), registry.find("dup"));
    }

    @Test
    void removingARejectedProviderChangesNothingVisible() {
        subscribe();
        registry.add("a", "dup", "1", origin(1));
        registry.add("b", "dup", "2", origin(2));
        registry.remove(2);
        registry.remove(99);
        executor.runAll();
        assertEquals(1, events.size());
        assertEquals(List.of(new ServiceInfo("dup", "1")), registry.services());
        assertEquals(1, registry.providers().size());
    }

    @Test
    void brokenProvidersAreListedAsRejected() {
        registry.addBroken("x", origin(1), "reading its name failed");
        ProviderInfo info = registry.providers().get(0);
        assertEquals(ProviderState.REJECTED, info.state());
        assertEquals("reading its name failed", info.reason());
        assertEquals(List.of(), registry.services());
    }

    @Test
    void aSecondRegistrationWithTheSameIdIsIgnored() {
        registry.add("a", "one", "1", origin(1));
        assertEquals(Level.WARNING, registry.add("b", "two", "1", origin(1)).get(0).level());
        assertEquals(List.of(new ServiceInfo("one", "1")), registry.services());
    }

    @Test
    void lateSubscribersFirstSeeTheCurrentCatalog() {
        registry.add("a", "one", "1", origin(1));
        registry.add("b", "two", "1", origin(2));
        subscribe();
        registry.remove(1);
        executor.runAll();
        assertEquals(List.of(
                new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("one", "1")),
                new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("two", "1")),
                new ServiceAvailabilityEvent(Kind.REMOVED, new ServiceInfo("one", "1"))), events);
    }

    @Test
    void closedSubscriptionsGetNothingMore() {
        Subscription subscription = registry.subscribe(events::add);
        executor.runAll();
        registry.add("a", "one", "1", origin(1));
        subscription.close();
        executor.runAll();
        assertEquals(List.of(), events);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        registry.subscribe(event -> {
            throw new IllegalStateException("listener bug");
        });
        subscribe();
        registry.add("a", "one", "1", origin(1));
        executor.runAll();
        assertEquals(1, events.size());
    }

    @Test
    void listenersSeeTheCatalogTheEventReports() {
        // A direct executor delivers inside publish, so a stale catalog would be observed here.
        ProviderRegistry<String> direct = new ProviderRegistry<>(new AvailabilityNotifier(Runnable::run));
        List<String> violations = new ArrayList<>();
        direct.subscribe(event -> {
            boolean listed = direct.services().contains(event.service());
            if (listed != (event.kind() == Kind.ADDED)) {
                violations.add(event + " but the catalog is " + direct.services());
            }
        });
        direct.add("a", "dup", "1", origin(1));
        direct.add("b", "dup", "2", origin(2));
        direct.remove(1);
        direct.remove(2);
        assertEquals(List.of(), violations);
    }
}
