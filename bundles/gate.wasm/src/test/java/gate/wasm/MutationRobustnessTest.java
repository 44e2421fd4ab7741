package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import gate.wasm.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid modules (the spec suite's and any {@code .wasm} under the
 * repository's testdata) must either load or be rejected with one of Gate's typed exceptions, never
 * with any other Throwable. The seed is printed on failure; rerun with {@code -Dgate.fuzz.seed=N}.
 */
class MutationRobustnessTest {
    private static final int MUTANTS = Integer.getInteger("gate.fuzz.mutants", 30_000);
    /** Bounds the run on slow machines; the count of mutants actually tried is printed. */
    private static final long BUDGET_NANOS = 60_000_000_000L;

    @Test
    void mutantsLoadOrFailWithTypedExceptions() throws IOException {
        List<byte[]> corpus = corpus();
        assertFalse(corpus.isEmpty(), "no valid modules to mutate");
        long seed = FuzzSeed.get();
        Mutator mutator = new Mutator(seed);
        CodeMutator codeMutator = new CodeMutator(seed);
        java.util.Random pick = new java.util.Random(seed);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int tried = 0;
        int loaded = 0;
        for (; tried < MUTANTS && System.nanoTime() < deadline; tried++) {
            byte[] original = corpus.get(pick.nextInt(corpus.size()));
            byte[] mutant = tried % 4 == 3 ? codeMutator.mutate(original) : mutator.mutate(original);
            try {
                Validator.validate(Wasm.decode(mutant, WasmLimits.DEFAULT), WasmLimits.DEFAULT);
                loaded++;
            } catch (ModuleException expected) {
                // a typed rejection is the point of the test
            } catch (Throwable t) {
                fail("seed " + seed + " mutant " + tried + " (" + mutant.length + " bytes) threw " + t, t);
            }
        }
        System.out.println("mutation robustness: seed " + seed + ", " + tried + " mutants of " + corpus.size()
                + " modules, " + loaded + " still valid, the rest rejected with typed exceptions");
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        Path suite = Path.of(System.getProperty("gate.testsuite", "../../../shared/wasm-testsuite"));
        if (Files.isDirectory(suite.resolve("core"))) {
            for (SpecSuite.Case c : SpecSuite.cases(suite, SpecSuite.FOLDERS)) {
                if (c.expectation() == SpecSuite.Expectation.VALID) {
                    corpus.add(c.bytes());
                }
            }
        } else {
            System.out.println("spec suite not found at " + suite.toAbsolutePath() + ": mutating testdata and built-in modules only");
        }
        Path testdata = Path.of(System.getProperty("gate.testdata", "../../testdata"));
        if (Files.isDirectory(testdata)) {
            try (Stream<Path> files = Files.walk(testdata)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                    if (Files.size(p) <= 4 << 20) {
                        corpus.add(Files.readAllBytes(p));
                    }
                }
            }
        }
        corpus.add(TestModules.smallValidModule());
        return corpus;
    }
}
