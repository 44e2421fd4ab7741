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
        for (SpecSuite.Case c : cases) {
            String outcome = verdict(c.bytes());
            String expected = c.expectation().name();
            boolean match = outcome.startsWith(expected + ":") || outcome.equals(expected);
            tally.merge(c.type() + (match ? " ok" : " MISMATCH"), 1, Integer::sum);
            if (!match) {
                mismatches.add(c.where() + ": expected " + expected + " (\"" + c.text() + "\"), got " + outcome);
            }
        }
        System.out.println("spec suite binary modules: " + cases.size() + " " + tally);
        mismatches.forEach(System.out::println);
        assertTrue(cases.size() > 3000, "expected the whole suite, found " + cases.size() + " modules");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, first: " + mismatches.get(0));
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
