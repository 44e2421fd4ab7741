package gate.spectest;

import gate.engine.Engines;
import static org.junit.jupiter.api.Assertions.fail;

import gate.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The WebAssembly 2.0 spec suite (without SIMD) on the {@code interp} engine: one test per script
 * of {@code core/}, {@code proposals/bulk-memory/} and {@code proposals/reference-types/}. The
 * suite folder comes from the system property {@code gate.testsuite}; without it the tests are
 * skipped with a message.
 */
class SpecSuiteTest {
    private static final int SUSPENSION_STEPS = 20;
    private static final List<String> FOLDERS = List.of("core", "proposals/bulk-memory", "proposals/reference-types");

    @TestFactory
    List<DynamicTest> interpreterPassesTheSpecSuite() throws Exception {
        return tests("interp", false);
    }

    /**
     * The same scripts (named {@code native/...}) on the native engine, with the same exclusions:
     * it must pass everything the interpreter passes (issue: native engine, test 1).
     */
    @TestFactory
    List<DynamicTest> nativeEnginePassesTheSpecSuite() throws Exception {
        Engine engine = Engines.find("native");
        Assumptions.assumeTrue(engine != null && engine.isAvailable(), "native engine not available here; not run");
        return tests("native", false);
    }

    /**
     * The same scripts (named {@code snapshots/...}), but every action runs on an instance restored
     * from the captured state of the previous one, and every call is suspended and resumed at up
     * to {@link #SUSPENSION_STEPS} suspension points, each time through a captured and restored
     * state: snapshots and suspension must lose nothing the suite can observe.
     */
    @TestFactory
    List<DynamicTest> interpreterPassesTheSpecSuiteThroughSnapshots() throws Exception {
        return tests("interp", true);
    }

    private static List<DynamicTest> tests(String engineName, boolean roundTrip) throws Exception {
        String property = System.getProperty("gate.testsuite");
        Assumptions.assumeTrue(property != null && !property.isBlank(),
                "system property gate.testsuite is not set; spec suite not run");
        Path suite = Path.of(property);
        Assumptions.assumeTrue(Files.isDirectory(suite.resolve("core")),
                "spec test suite not found at " + suite.toAbsolutePath() + " (set -Dgate.testsuite=DIR); not run");
        Engine engine = Engines.find(engineName);
        Exclusions exclusions = Exclusions.load();
        ScriptRunner runner = new ScriptRunner(engine, Duration.ofSeconds(120))
                .withSnapshotRoundTrip(roundTrip)
                .withSuspensionSteps(roundTrip ? SUSPENSION_STEPS : 0);
        List<DynamicTest> tests = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (ScriptFinder.Found found : ScriptFinder.find(suite.resolve(folder))) {
                String name = (roundTrip ? "snapshots/" : engineName.equals("interp") ? "" : engineName + "/")
                        + folder + "/" + found.displayName();
                tests.add(DynamicTest.dynamicTest(name, () -> check(runner.run(found.file(), name), exclusions)));
            }
        }
        return tests;
    }

    private static void check(ScriptResult result, Exclusions exclusions) {
        System.out.println(result.summary());
        List<Failure> unexpected = new ArrayList<>();
        int excluded = 0;
        for (Failure f : result.failures()) {
            String reason = exclusions.reason(f);
            if (reason == null) {
                unexpected.add(f);
            } else {
                excluded++;
                System.out.println("  excluded (" + reason + "): " + f);
            }
        }
        long listed = exclusions.countFor(result.script());
        if (listed > excluded) {
            System.out.println("  " + (listed - excluded) + " stale exclusion(s) for " + result.script()
                    + ": those commands pass now; remove them from " + Exclusions.RESOURCE);
        }
        if (!unexpected.isEmpty()) {
            fail(result.summary() + "\n" + unexpected.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
    }
}
