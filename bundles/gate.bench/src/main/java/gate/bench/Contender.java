package gate.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One engine of a side-by-side run ({@link SideBySide}): a Gate engine in this JVM, or a peer
 * outside it (the native build of the same C source, node). It prepares a file once and then
 * times single calls, so that the harness can interleave the calls of every contender: on a shared
 * machine whose speed changes over seconds, each engine then sees the same phases.
 */
interface Contender extends AutoCloseable {
    /** The name reported as {@code engine=}. */
    String name();

    /**
     * Compiles or loads {@code file} for calls of {@code function}, replacing what an earlier call
     * prepared.
     *
     * @throws IOException when this contender cannot run the file (missing binary, compile error)
     */
    Prepared prepare(Path file, String function) throws IOException;

    /** Stops what the contender started (a peer process); it cannot be used afterwards. */
    @Override
    void close();

    /** A prepared file. */
    interface Prepared {
        /** Time taken to compile or load, in ms; NaN when the contender compiles nothing. */
        double compileMs();

        /**
         * One call on a fresh, initialised instance (a fresh process for a native build); only
         * the call itself is timed.
         *
         * @throws IOException when the peer process failed
         */
        Sample call() throws IOException;
    }

    /**
     * One timed call.
     *
     * @param ms the call's time in milliseconds
     * @param result its first result as an unsigned bit pattern, 0 if none
     */
    record Sample(double ms, long result) {}
}
