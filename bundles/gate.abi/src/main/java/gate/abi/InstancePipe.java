package gate.abi;

/**
 * The byte streams between one program instance and its broker session, seen from the program
 * side. Both directions carry Gate packets (architecture reference §6.1): each packet is its
 * header and content, padded with zero bytes to a multiple of 8.
 *
 * <p>This is the seam that makes the ABI identical on every engine: on the native engine the
 * streams are the executor's input socket and output pipe (fds 0 and 1); on JVM engines the broker
 * session implements this interface in memory. The ABI layer frames and validates packets; the
 * session never sees a partial packet it has to trust.
 *
 * <p>Thread contract: the program side ({@link #write}, {@link #read}, {@link #await}) is called by
 * the one thread executing the instance; {@link #wakeUp()} may be called from any thread.
 */
public interface InstancePipe {
    /** {@link #await} event: bytes can be read. */
    int READABLE = 1;
    /** {@link #await} event: bytes can be written. */
    int WRITABLE = 2;

    /**
     * Writes program output without blocking.
     *
     * @return bytes accepted, 0 when the session's buffer is full
     */
    int write(byte[] src, int offset, int length);

    /**
     * Reads program input without blocking.
     *
     * @return bytes read, 0 when none are available, -1 at end of stream (the session ended)
     */
    int read(byte[] dst, int offset, int length);

    /**
     * Blocks until one of {@code events} holds, the timeout expires, or {@link #wakeUp()} is
     * called (used to deliver a suspension request to a blocked program).
     *
     * <p>A wake-up wins: when {@link #wakeUp()} was called, {@code await} returns 0 even if events
     * hold, and that is the only reason besides the timeout for which it returns 0. The ABI relies
     * on it to tell an interruption from input (README §5): a wake-up consumed by a call that
     * returned events would be lost, and the program would stay blocked.
     *
     * @param timeoutNanos maximum wait; negative waits without limit
     * @return the events that hold now; 0 when woken up or timed out
     */
    int await(int events, long timeoutNanos) throws InterruptedException;

    /**
     * Makes a current or the next {@link #await} return at once, with 0. Call it after {@code
     * Instance.interrupt}; a wake-up still pending when the execution stopped elsewhere must be
     * discarded before the instance resumes (README §5).
     */
    void wakeUp();

    /** Writes debug output (WASI fd 2): goes to the debug log, never to services. */
    void debug(byte[] src, int offset, int length);

    /**
     * Asks the pipe to tell {@code listener} whenever an {@link #await} could return: it gets the
     * events whose condition may have changed, {@link #READABLE} (bytes arrived to read, the
     * session's stream ended) and {@link #WRITABLE} (room to write), both for {@link #wakeUp()}.
     * It is for an engine that runs the ABI elsewhere and moves the pipe's bytes itself (the
     * native engine's "ABI mode") with no thread parked in {@code await}; the events let it ignore
     * changes it does not wait for. The listener may run on any thread, possibly under the pipe's
     * lock: it must only signal (write an eventfd, say) and never call the pipe. One listener at a
     * time; null removes it.
     *
     * @return whether this pipe notifies; false (the default) means the engine must use {@link
     *     #await}
     */
    default boolean listen(java.util.function.IntConsumer listener) {
        return false;
    }
}
