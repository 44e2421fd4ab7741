package gate.spectest;

import java.util.Random;

/**
 * The seed of the robustness tests: {@code -Dgate.fuzz.seed=N} repeats a run, {@code
 * -Dgate.fuzz.seed=random} explores a new one; the default is fixed so that a build is
 * reproducible and CI cannot turn red by chance. {@code -Dgate.fuzz.scale=K} runs K times more.
 */
final class FuzzSeed {
    static final long DEFAULT = 20261122L;

    private FuzzSeed() {}

    /** Multiplies counts and time budgets for a longer campaign: {@code -Dgate.fuzz.scale=20}. */
    static int scale() {
        return Math.max(1, Integer.getInteger("gate.fuzz.scale", 1));
    }

    static long get() {
        String value = System.getProperty("gate.fuzz.seed", "");
        if (value.isBlank()) {
            return DEFAULT;
        }
        if (value.equals("random")) {
            return new Random().nextLong();
        }
        return Long.parseLong(value.strip());
    }
}
