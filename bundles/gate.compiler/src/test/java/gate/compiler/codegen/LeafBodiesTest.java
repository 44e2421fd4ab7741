package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.GuardShape;
import gate.compiler.testing.NativeCode;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Frameless leaves (GuardShape): which bodies are leaves, which of them compile without a frame,
 * and that they compute what the interpreter does, called directly (result in rax), through a
 * table and through their exports (leaves.wat).
 */
class LeafBodiesTest {
    @Test
    void pureBodiesAreLeavesAndRunWithoutAFrameWhenTheirLocalsFitRegisters() throws Exception {
        try (Differential d = new Differential("leaves.wasm")) {
            Module m = d.module;
            List<String> leaves = new ArrayList<>();
            List<String> frameless = new ArrayList<>();
            for (Export export : m.exports()) {
                if (export.kind() != ExternKind.FUNC) {
                    continue;
                }
                FunctionBody body = m.code().get(export.index() - m.importedFunctionCount());
                GuardShape shape = GuardShape.of(m.bytes(), body.codeStart(), body.end());
                if (shape != null && shape.isLeaf()) {
                    leaves.add(export.name());
                }
                FunctionInfo info = d.program.functions().get(export.index());
                if (info.frameSize() == 0) {
                    frameless.add(export.name());
                }
            }
            assertEquals(List.of("add", "rot", "mix64", "bits", "six", "seventh",
                    "first_of_seven", "fpick", "pair", "nothing"), leaves);
            // six: too many parameters read at the operand height limit for the homes;
            // seventh: reads a parameter that arrives in memory.
            assertEquals(List.of("add", "rot", "mix64", "bits", "first_of_seven", "fpick",
                    "pair", "nothing"), frameless);
        }
    }

    @Test
    void leavesAgreeWithTheInterpreter() throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        long[] values = {0, 1, 7, 31, 32, 33, 0x7fffffffL, 0x80000000L, 0xffffffffL,
            0x123456789abcdefL, -1, Long.MIN_VALUE};
        try (Differential d = new Differential("leaves.wasm")) {
            for (long a : values) {
                for (long b : values) {
                    d.check("add", a, b);
                    d.check("rot", a, b);
                    d.check("mix64", a, b, b ^ 5);
                    d.check("bits", a, b);
                    d.check("six", a, b, a ^ b, 3, b, a);
                    d.check("seventh", a, 1, 2, 3, 4, 5, b);
                    d.check("first_of_seven", a, b, 2, 3, 4, 5, 6);
                    d.check("fpick", a, Double.doubleToRawLongBits(1.5),
                            Double.doubleToRawLongBits(-2.25));
                    d.check("pair", a, b);
                }
            }
            d.check("nothing");
            for (long n : new long[] {1, 2, 5, 100, 1000}) {
                d.check("direct", n);
                d.check("stores", n);
                d.check("indirect", n);
            }
        }
    }
}
