package gate.wasm;

/**
 * The seed of the randomised tests: {@code -Dgate.fuzz.seed=N} repeats a run, {@code
 * -Dgate.fuzz.seed=random} explores a new one. The default is fixed, so that a build gives the
 * same verdict every time (a failure found by exploring becomes a fixed seed or a test case).
 */
final class FuzzSeed {
    static final long DEFAULT = 20261122L;

    private FuzzSeed() {}

    static long get() {
        String value = System.getProperty("gate.fuzz.seed", "");
        if (value.isEmpty()) {
            return DEFAULT;
        }
        return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    }
}
