package gate.engine;

/**
 * A running or stopped instance. Execution methods run on the calling thread and must not be
 * called concurrently; {@link #interrupt} may be called from any thread at any time.
 */
public interface Instance extends AutoCloseable {
    Program program();

    /** The export with this name, or null. */
    Extern export(String name);

    /**
     * Calls an exported function and returns its results.
     *
     * @throws TrapException when execution traps, is interrupted ({@link TrapId#SUSPENDED}, {@link
     *     TrapId#KILLED}) or a host function ends it ({@link TrapId#EXIT})
     */
    long[] invoke(String function, long... args);

    /**
     * Continues the execution that stopped with {@link TrapId#SUSPENDED} (or a resumable trap such
     * as {@link TrapId#CALL_STACK_EXHAUSTED} once limits allow), or that {@link
     * Program#restore} recreated, and returns the results of its outermost function. Whether an
     * engine keeps the stack after a resumable trap other than a suspension is its choice: {@link
     * #isSuspended()} tells (the interpreter keeps it for suspensions and for resumable traps
     * thrown by host functions, which are retried on resume).
     *
     * @throws IllegalStateException if there is nothing to resume
     */
    long[] resume();

    /** True when a suspended execution is waiting for {@link #resume()}. */
    boolean isSuspended();

    /**
     * Asks the running execution to stop at its next suspension point (function entry, loop
     * back-edge, or a blocking host call) with a trap of {@code reason}: {@link TrapId#SUSPENDED}
     * (resumable) or {@link TrapId#KILLED}. Latency is bounded by the engine. A request made while
     * nothing runs applies to the next execution.
     */
    void interrupt(TrapId reason);

    /**
     * The complete state, engine-neutral. Only while nothing executes.
     *
     * @throws IllegalStateException while executing
     */
    InstanceState captureState();

    /** Releases the instance's resources (memory mappings, processes). */
    @Override
    void close();
}
