package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.gen.GuardShape;
import gate.compiler.testing.NativeCode;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Shrink wrapping (GuardShape): which bodies have the shape, and that functions running their
 * frameless way, their framed way, or both in one call tree compute what the interpreter does
 * (guarded.wat).
 */
class GuardedBodiesTest {
    @Test
    void theShapeIsAPurePrefixAnIfWithoutValuesAndAPureTail() throws Exception {
        try (Differential d = new Differential("guarded.wasm")) {
            List<String> guarded = new ArrayList<>();
            Module m = d.module;
            for (int i = 0; i < m.code().size(); i++) {
                FunctionBody body = m.code().get(i);
                if (GuardShape.of(m.bytes(), body.codeStart(), body.end()) != null) {
                    guarded.add(name(m, m.importedFunctionCount() + i));
                }
            }
            assertEquals(List.of("$fib", "two", "gcd", "fsel"), guarded);
        }
    }

    private static String name(Module m, int function) {
        for (var export : m.exports()) {
            if (export.index() == function && export.kind() == gate.wasm.ExternKind.FUNC) {
                return export.name();
            }
        }
        return "$fib";
    }

    @Test
    void guardedFunctionsAgreeWithTheInterpreter() throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        try (Differential d = new Differential("guarded.wasm")) {
            for (long n = 0; n <= 24; n++) {
                d.check("fib", n);
                d.check("tail_calls", n);
            }
            d.check("fib", 0xffffffffL);
            for (long b : new long[] {-5, 0, 1, 3, 4, 9, 10, 11, 0x80000000L}) {
                d.check("two", 0x123456789L, b);
                d.check("two", -1, b);
            }
            d.check("gcd", 1071, 462);
            d.check("gcd", 17, 0);
            d.check("gcd", 0, 0);
            d.check("gcd", 0xffffffffL, 0xfffffffeL);
            for (long n : new long[] {-3, 0, 1, 7}) {
                d.check("fsel", n, Double.doubleToRawLongBits(1.25));
                d.check("fsel", n, Double.doubleToRawLongBits(-0d));
            }
            d.check("leaf_loop", 1);
            d.check("leaf_loop", 1000);
        }
    }
}
