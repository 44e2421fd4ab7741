package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.wasm.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every binary module of the spec suite's 2.0 folders (without SIMD) gets the verdict the suite
 * expects: valid modules load, malformed ones throw {@link MalformedModuleException}, invalid ones
 * {@link InvalidModuleException}. Messages are not compared: ours say more than the reference
 * interpreter's, but the category is what the conformance runner checks.
 */
class SpecSuiteTest {
    @Test
    void everyBinaryModuleGetsTheExpectedVerdict() {
        List<SpecSuite.Case> cases = SpecSuite.cases(SpecSuite.root(), SpecSuite.FOLDERS);
        Map<String, Integer> tally = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        int rejections = 0;
        int sameText = 0;
        for (SpecSuite.Case c : cases) {
            String outcome = verdict(c.bytes());
            String expected = c.expectation().name();
            boolean match = outcome.startsWith(expected + ":") || outcome.equals(expected);
            if (c.expectation() != SpecSuite.Expectation.VALID) {
                rejections++;
                // informational: the reason after "kind at offset N: " starts with the suite's text
                if (outcome.contains(": " + c.text())) {
                    sameText++;
                }
            }
            tally.merge(c.type() + (match ? " ok" : " MISMATCH"), 1, Integer::sum);
            if (!match) {
                mismatches.add(c.where() + ": expected " + expected + " (\"" + c.text() + "\"), got " + outcome);
            }
        }
        System.out.println("spec suite binary modules: " + cases.size() + " " + tally + "; " + sameText + " of "
                + rejections + " rejections give the suite's reason");
        mismatches.forEach(System.out::println);
        assertTrue(cases.size() > 3000, "expected the whole suite, found " + cases.size() + " modules");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, first: " + mismatches.get(0));
    }

    /**
     * SIMD is out of scope: the SIMD scripts' valid modules either do without SIMD and load, or are
     * rejected as "unsupported feature: simd"; their invalid and malformed modules are rejected.
     */
    @Test
    void simdModulesAreRejectedAsUnsupported() {
        List<SpecSuite.Case> cases = SpecSuite.cases(SpecSuite.root(), List.of("proposals/simd"));
        Map<String, Integer> tally = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (SpecSuite.Case c : cases) {
            String outcome = verdict(c.bytes());
            boolean ok = c.expectation() == SpecSuite.Expectation.VALID
                    ? outcome.equals("VALID")
                            || outcome.startsWith("MALFORMED: ") && outcome.contains(": unsupported feature: simd")
                    : !outcome.equals("VALID");
            tally.merge(c.expectation() + " -> " + (outcome.contains("unsupported feature: simd") ? "unsupported simd"
                    : outcome.split(":")[0]), 1, Integer::sum);
            if (!ok) {
                wrong.add(c.where() + ": " + outcome);
            }
        }
        System.out.println("simd scripts: " + cases.size() + " binary modules " + tally);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong, first: " + wrong.get(0));
    }

    /** VALID, or the category and message of the rejection. */
    static String verdict(byte[] bytes) {
        try {
            Validator.validate(Wasm.decode(bytes, WasmLimits.DEFAULT), WasmLimits.DEFAULT);
            return "VALID";
        } catch (MalformedModuleException e) {
            return "MALFORMED: " + e.getMessage();
        } catch (InvalidModuleException e) {
            return "INVALID: " + e.getMessage();
        } catch (ResourceLimitException e) {
            return "RESOURCE_LIMIT: " + e.getMessage();
        }
    }
}
