package gate.itest;

import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceCatalog;
import gate.api.ServiceCatalog.Subscription;
import gate.api.ServiceInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waits for conditions with a generous bound instead of sleeping: catalog conditions wake up on
 * the broker's availability events; other conditions are polled. The bound only keeps a broken
 * build from hanging; nothing asserts how fast anything happens.
 */
final class Await {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private Await() {}

    /** Waits until the catalog satisfies {@code condition}, woken by availability events. */
    static List<ServiceInfo> catalog(ServiceCatalog catalog, Predicate<List<ServiceInfo>> condition, String what)
            throws InterruptedException {
        LinkedBlockingQueue<ServiceAvailabilityEvent> events = new LinkedBlockingQueue<>();
        try (Subscription subscription = catalog.subscribe(events::add)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                List<ServiceInfo> now = catalog.services();
                if (condition.test(now)) {
                    return now;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting until " + what + "; catalog: " + now);
                }
                events.poll(left, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Polls {@code condition} until it holds. */
    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static Predicate<List<ServiceInfo>> listing(String name) {
        return services -> services.stream().anyMatch(s -> s.name().equals(name));
    }

    static Predicate<List<ServiceInfo>> listing(String name, String revision) {
        return services -> services.contains(new ServiceInfo(name, revision));
    }

    static Predicate<List<ServiceInfo>> notListing(String name) {
        return listing(name).negate();
    }
}
