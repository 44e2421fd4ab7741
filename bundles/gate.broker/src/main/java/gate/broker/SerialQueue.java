package gate.broker;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: the mailbox of one service
 * instance. Each task happens-before the next (they hand over under this object's monitor), which
 * is what {@link gate.api.ServiceInstance}'s thread contract promises services.
 *
 * <p>Weighted tasks (packets) are bounded: {@link #submit} waits while more than {@code limit}
 * bytes are queued, which throttles only the session thread of the program that floods this one
 * service. Control tasks ({@link #submitControl}) are never refused nor delayed.
 */
final class SerialQueue {
    private final Executor executor;
    private final long limit;
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    private long queuedBytes;
    private boolean running;

    private record Task(Runnable body, int weight) {}

    SerialQueue(Executor executor, long limit) {
        this.executor = executor;
        this.limit = limit;
    }

    /** Queues a packet task, first waiting while the queue holds more than its limit. */
    synchronized void submit(Runnable body, int weight) throws InterruptedException {
        while (queuedBytes > 0 && queuedBytes + weight > limit) {
            wait();
        }
        enqueue(new Task(body, weight));
    }

    /** Queues a task at once. */
    synchronized void submitControl(Runnable body) {
        enqueue(new Task(body, 0));
    }

    /**
     * Waits until every task queued so far has run, or the deadline ({@link System#nanoTime()})
     * passes.
     *
     * @return whether the queue is idle
     */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (running || !tasks.isEmpty()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void enqueue(Task task) {
        tasks.add(task);
        queuedBytes += task.weight;
        if (!running) {
            running = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Task task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            try {
                task.body.run();
            } catch (RuntimeException e) {
                // Tasks handle their own failures; this keeps the queue alive if one does not.
                System.getLogger("gate.broker").log(System.Logger.Level.ERROR, "service task failed", e);
            } finally {
                synchronized (this) {
                    queuedBytes -= task.weight;
                    notifyAll();
                }
            }
        }
    }
}
