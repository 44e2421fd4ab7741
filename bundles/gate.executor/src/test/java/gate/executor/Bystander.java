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
 * before, during and after it.
 */
final class Bystander implements AutoCloseable {
    /** xorshift64 steps per round: a few milliseconds of native code. */
    private static final int ROUND = 2_000_000;
    private static final long SEED = 88172645463325252L;

    private final Instance instance;
    private final Thread thread;
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Throwable failure;

    private Bystander(Instance instance) {
        this.instance = instance;
        this.thread = new Thread(this::work, "bystander");
        thread.setDaemon(true);
    }

    static Bystander start(Engine engine) throws java.io.IOException {
        Instance i = engine.compile(NativeEngineTest.module("bystander")).instantiate(Imports.NONE, InstanceLimits.DEFAULT);
        Bystander b = new Bystander(i);
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

    /** Waits for the last round and returns how many rounds ran; throws the first wrong result or error. */
    int finish() throws InterruptedException {
        stopping = true;
        thread.join();
        if (failure != null) {
            throw new AssertionError("the well-behaved instance failed next to the hostile one", failure);
        }
        return rounds.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
        instance.close();
    }
}
