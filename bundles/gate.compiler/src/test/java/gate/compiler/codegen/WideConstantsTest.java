package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.testing.NativeCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * i64 arithmetic and comparisons with constants beyond imm32 read 8-byte literals (IntOps,
 * FunctionState.withLiteral): they compute what the interpreter does (wide.wat).
 */
class WideConstantsTest {
    @Test
    void literalOperandsAgreeWithTheInterpreter() throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        long[] values = {0, 1, -1, 0x7fffffffL, 0x80000000L, 0x100000000L, -0x80000001L,
            0x7fffffffffffffffL, Long.MIN_VALUE, 0x123456789abcdefL, 0xff51afd7ed558ccdL};
        try (Differential d = new Differential("wide.wasm")) {
            for (long x : values) {
                d.check("ops", x);
                d.check("compares", x);
                d.check("mix", x, 1);
                d.check("mix", x, 37);
            }
            assertEquals(4 * values.length, d.compared);
        }
    }
}
