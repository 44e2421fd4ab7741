package gate.broker.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.InstanceConfig;
import gate.api.Service;
import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceCatalog.Subscription;
import gate.api.ServiceInfo;
import gate.api.ServiceInstance;
import gate.api.admin.ProviderInfo;
import gate.api.admin.ProviderState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DS component itself, driven the way SCR drives it, with real notification threads. */
class BrokerTest {
    private static final long WAIT_SECONDS = 60;

    private final Broker broker = new Broker();

    @AfterEach
    void stop() throws InterruptedException {
        broker.deactivate();
    }

    @Test
    void aServiceThatThrowsIsRejectedNotFatal() {
        Service faulty = new Service() {
            @Override
            public String name() {
                throw new IllegalStateException("boom");
            }

            @Override
            public String revision() {
                return "1";
            }

            @Override
            public ServiceInstance createInstance(InstanceConfig config, byte[] state) {
                throw new UnsupportedOperationException();
            }
        };
        broker.addService(faulty, FakeReferences.reference(1, 5, "faulty.bundle"));
        broker.addService(FakeReferences.service(null, null), FakeReferences.reference(2, 6, "null.bundle"));
        broker.addService(FakeReferences.service("fine", "1"), FakeReferences.reference(3, 7, "fine.bundle"));

        List<ProviderInfo> providers = broker.providers();
        assertEquals(List.of(new ServiceInfo("fine", "1")), broker.services());
        ProviderInfo faultyInfo = providers.stream().filter(p -> p.serviceId() == 1).findFirst().orElseThrow();
        assertEquals(ProviderState.REJECTED, faultyInfo.state());
        assertTrue(faultyInfo.reason().contains("boom"), faultyInfo.reason());
        assertEquals("faulty.bundle", faultyInfo.bundleSymbolicName());
        ProviderInfo nullInfo = providers.stream().filter(p -> p.serviceId() == 2).findFirst().orElseThrow();
        assertEquals("service name is empty", nullInfo.reason());

        broker.removeService(FakeReferences.reference(1, 5, "faulty.bundle"));
        broker.removeService(FakeReferences.reference(2, 6, "null.bundle"));
        assertEquals(1, broker.providers().size());
    }

    @Test
    void subscribersAreNotifiedOnTheirOwnThread() throws InterruptedException {
        LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (Subscription subscription = broker.subscribe(event -> threads.add(Thread.currentThread().getName()))) {
            broker.addService(FakeReferences.service("one", "1"), FakeReferences.reference(1, 5, "b"));
            assertEquals("gate-broker-notifier", threads.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(broker.find("one").orElseThrow().name(), "one");
    }

    /**
     * Many threads register and unregister services with clashing names while a subscriber
     * replays the events: whatever the interleaving, the replayed view must end equal to the
     * catalog, and every provider must end accounted for.
     */
    @Test
    void concurrentChangesKeepSubscribersConsistent() throws Exception {
        Set<ServiceInfo> replayed = new HashSet<>();
        List<String> violations = new ArrayList<>();
        Subscription subscription = broker.subscribe(event -> {
            boolean changed = event.kind() == Kind.ADDED ? replayed.add(event.service()) : replayed.remove(event.service());
            if (!changed) {
                violations.add("inconsistent " + event + " with " + replayed);
            }
        });
        int threads = 4;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    long id = (long) thread * perThread + i;
                    String name = "svc" + (i % 7);
                    broker.addService(FakeReferences.service(name, Long.toString(id)),
                            FakeReferences.reference(id, thread, "bundle" + thread));
                    if (i % 3 != 0) {
                        broker.removeService(FakeReferences.reference(id, thread, "bundle" + thread));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // Every name still has providers (every third one stays), so each must be listed once.
        assertEquals(7, broker.services().size());
        assertEquals(threads * perThread / 3, broker.providers().size());
        assertEquals(7, broker.providers().stream().filter(p -> p.state() == ProviderState.ACTIVE).count());
        // Drain the notifier: a marker subscription's initial events arrive after everything queued before.
        CountDownLatch drained = new CountDownLatch(1);
        try (Subscription marker = broker.subscribe(event -> drained.countDown())) {
            assertTrue(drained.await(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        subscription.close();
        assertEquals(List.of(), violations);
        assertEquals(Set.copyOf(broker.services()), replayed);
    }

    @Test
    void eventsDescribeTheChange() throws InterruptedException {
        LinkedBlockingQueue<ServiceAvailabilityEvent> events = new LinkedBlockingQueue<>();
        try (Subscription subscription = broker.subscribe(events::add)) {
            broker.addService(FakeReferences.service("x", "1"), FakeReferences.reference(1, 5, "b"));
            broker.removeService(FakeReferences.reference(1, 5, "b"));
            assertEquals(new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("x", "1")),
                    events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(new ServiceAvailabilityEvent(Kind.REMOVED, new ServiceInfo("x", "1")),
                    events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }
}
