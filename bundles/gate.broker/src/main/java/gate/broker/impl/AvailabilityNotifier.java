package gate.broker.impl;

import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceAvailabilityListener;
import gate.api.ServiceCatalog.Subscription;
import gate.api.ServiceInfo;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers availability events to subscribed listeners, in order, on one executor.
 *
 * <p>Thread contract: {@link #publish} and {@link #subscribe} may be called from any thread and
 * only enqueue work, so callers may hold their own locks; the registry calls them under its lock,
 * which fixes the order of events and subscriptions. The executor must run tasks one at a time in
 * submission order (a single thread); listener code runs only there, never under a lock. {@code
 * subscriptions} is a copy-on-write list: the executor adds to it and iterates it, {@link
 * Subscription#close()} removes from it on any thread, and the volatile {@code closed} flag stops
 * the next delivery even to a subscriber an ongoing iteration still holds.
 */
final class AvailabilityNotifier {
    private static final System.Logger LOG = System.getLogger("gate.broker");

    private final Executor executor;
    private final List<DeliverySubscription> subscriptions = new CopyOnWriteArrayList<>();

    /** @param executor a serial executor (one task at a time, in submission order) */
    AvailabilityNotifier(Executor executor) {
        this.executor = executor;
    }

    /** Queues one event for every current subscriber. */
    void publish(ServiceAvailabilityEvent event) {
        submit(new Task("deliver " + event) {
            @Override
            public void run() {
                for (DeliverySubscription subscription : subscriptions) {
                    subscription.deliver(event);
                }
            }
        });
    }

    /** Queues a subscription that first reports {@code current} as added services. */
    Subscription subscribe(ServiceAvailabilityListener listener, List<ServiceInfo> current) {
        DeliverySubscription subscription = new DeliverySubscription(listener);
        submit(new Task("subscribe " + listener) {
            @Override
            public void run() {
                for (ServiceInfo service : current) {
                    subscription.deliver(new ServiceAvailabilityEvent(Kind.ADDED, service));
                }
                if (!subscription.closed) {
                    subscriptions.add(subscription);
                }
            }
        });
        return subscription;
    }

    private void submit(Task task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The broker is shutting down: nobody will be interested any more.
            LOG.log(Level.DEBUG, "dropped " + task + ": notifier stopped");
        }
    }

    private abstract static class Task implements Runnable {
        private final String description;

        Task(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final class DeliverySubscription implements Subscription {
        private final ServiceAvailabilityListener listener;
        private volatile boolean closed;

        DeliverySubscription(ServiceAvailabilityListener listener) {
            this.listener = listener;
        }

        void deliver(ServiceAvailabilityEvent event) {
            if (closed) {
                return;
            }
            try {
                listener.serviceAvailabilityChanged(event);
            } catch (RuntimeException e) {
                // API boundary: a faulty listener must not stop deliveries to the others.
                LOG.log(Level.ERROR, "listener " + listener + " failed on " + event, e);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
