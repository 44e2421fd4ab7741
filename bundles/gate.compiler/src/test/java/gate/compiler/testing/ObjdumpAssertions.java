package gate.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Shared steps of the test classes that cross-check code with objdump. */
public final class ObjdumpAssertions {
    private ObjdumpAssertions() {}

    /** objdump's path, or a skipped test (with the reason) when it is not installed. */
    public static Path requireObjdump() {
        Path objdump = Disassembly.objdump();
        Assumptions.assumeTrue(objdump != null,
                "objdump (GNU binutils) not found on PATH: skipping the disassembler cross-check");
        return objdump;
    }

    /** Fails listing the first mismatches of {@code group}; also fails if it has no case. */
    public static void assertMatches(Disassembly disassembly, String group) {
        assertTrue(disassembly.count(group) > 0, "no case recorded for " + group);
        List<String> mismatches = disassembly.mismatches(group);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + disassembly.count(group) + " " + group
                    + " cases differ from objdump, first ones:\n  "
                    + String.join("\n  ", mismatches.subList(0, Math.min(25, mismatches.size()))));
        }
    }
}
