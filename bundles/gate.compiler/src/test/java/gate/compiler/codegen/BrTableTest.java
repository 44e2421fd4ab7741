package gate.compiler.codegen;

import gate.compiler.testing.NativeCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * br_table's jump table (listing.wat): every index, the default at and far above the count,
 * targets reached directly and through stubs that move values or return, against the
 * interpreter.
 */
class BrTableTest {
    @Test
    void everyIndexReachesItsTarget() throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        try (Differential d = new Differential("listing.wasm")) {
            for (long i : new long[] {0, 1, 2, 3, 4, 5, 0x7fffffffL, 0x80000000L, 0xffffffffL}) {
                d.check("classify", i);
                d.check("jump_table", i);
            }
        }
    }
}
