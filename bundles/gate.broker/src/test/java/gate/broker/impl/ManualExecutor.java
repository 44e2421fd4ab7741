package gate.broker.impl;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** A serial executor the test runs by hand, so listener code never runs under the registry lock. */
final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    void runAll() {
        Runnable task;
        while ((task = next()) != null) {
            task.run();
        }
    }

    private synchronized Runnable next() {
        return tasks.poll();
    }
}
