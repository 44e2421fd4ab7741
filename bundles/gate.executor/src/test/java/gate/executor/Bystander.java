package gate.executor;

import gate.engine.Engine;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved instance (bystander.wat) that works in rounds on its own thread while a test
 * does something hostile next to it: every round continues an xorshift64 sequence kept in the
 * instance's global, and each result is checked against the same sequence computed here. {@link
 * #finish} lets one more round run after the hostile part, so the instance is shown to work
 * before, during and after it. Next to it, an instance of idle.wat waits in a host call for the
 * whole time: its one process lives through the hostile part and must then finish correctly.
 */
final class Bystander implements AutoCloseable {
    /** xorshift64 steps per round: a few milliseconds of native code. */
    private static final int ROUND = 2_000_000;
    private static final long SEED = 88172645463325252L;

    private final Instance instance;
    private final Thread thread;
    private final Instance waiter;
    private final Thread waiterThread;
    private final java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private volatile long waiterResult = -1;
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Throwable failure;

    private Bystander(Instance instance, Engine engine) throws java.io.IOException {
        this.instance = instance;
        this.thread = new Thread(this::work, "bystander");
        thread.setDaemon(true);
        gate.engine.HostFunction wait = new gate.engine.HostFunction(
                new gate.wasm.FuncType(java.util.List.of(gate.wasm.ValType.I32), java.util.List.of(gate.wasm.ValType.I32)),
                (caller, args) -> {
                    waiting.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new long[] {args[0] * 2};
                });
        this.waiter = engine.compile(NativeEngineTest.module("idle")).instantiate(imp -> wait, InstanceLimits.DEFAULT);
        this.waiterThread = new Thread(() -> {
            try {
                waiterResult = waiter.invoke("idle", 7)[0];
            } catch (RuntimeException e) {
                failure = e;
                waiting.countDown();
            }
        }, "bystander-waiter");
        waiterThread.setDaemon(true);
    }

    static Bystander start(Engine engine) throws java.io.IOException, InterruptedException {
        Instance i = engine.compile(NativeEngineTest.module("bystander")).instantiate(Imports.NONE, InstanceLimits.DEFAULT);
        Bystander b = new Bystander(i, engine);
        b.waiterThread.start();
        if (!b.waiting.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the waiting bystander never reached its host call");
        }
        b.thread.start();
        return b;
    }

    private void work() {
        long expected = SEED;
        try {
            // Always at least one round after stopping was asked for.
            boolean last = false;
            while (!last) {
                last = stopping;
                expected = xorshift(expected, ROUND);
                long got = instance.invoke("work", ROUND)[0];
                if (got != expected) {
                    throw new AssertionError("bystander round " + rounds.get() + ": " + got + " instead of " + expected);
                }
                rounds.incrementAndGet();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    static long xorshift(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /**
     * Waits for the last round and the waiting instance; returns how many rounds ran.
     *
     * @throws AssertionError with the first wrong result or error of either instance
     */
    int finish() throws InterruptedException {
        stopping = true;
        thread.join();
        release.countDown();
        waiterThread.join();
        if (failure != null) {
            throw new AssertionError("the well-behaved instance failed next to the hostile one", failure);
        }
        if (waiterResult != 21) {
            throw new AssertionError("the instance waiting in a host call returned " + waiterResult + " instead of 21");
        }
        return rounds.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        release.countDown();
        thread.join();
        waiterThread.join();
        instance.close();
        waiter.close();
    }
}
