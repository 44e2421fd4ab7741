package gate.bench;

/**
 * Something that runs WebAssembly for a benchmark: a Gate engine, or another runtime measured side
 * by side. Implementations are used from one thread.
 */
public interface BenchTarget {
    /** The name reported as {@code engine=}. */
    String name();

    /**
     * Prepares a module for running: decoding, validation and compilation, which the harness
     * reports as {@code compile_ms}.
     */
    Compiled compile(byte[] wasm);

    /** A compiled module. */
    interface Compiled {
        /**
         * Makes a fresh, initialised instance (a reactor's {@code _initialize} already called) and
         * returns the call to measure.
         */
        Call instantiate(String function);
    }

    /** One prepared call of an exported function without arguments. */
    interface Call {
        /**
         * Runs the function; returns its first result as an unsigned bit pattern (an i32
         * zero-extended), or 0 when it returns nothing.
         */
        long call();
    }
}
