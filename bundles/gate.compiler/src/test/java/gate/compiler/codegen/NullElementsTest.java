package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.testing.NativeCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * call_indirect's signature compare also rejects null elements (function table entry -1,
 * ModuleState.NO_TYPE): every kind of element, and every trap in the interpreter's order
 * (bounds, null, signature), compared with the interpreter (nulls.wat).
 */
class NullElementsTest {
    @Test
    void everyElementKindTrapsOrCallsAsTheInterpreterDoes() throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        try (Differential d = new Differential("nulls.wasm")) {
            long[] indices = {0, 1, 2, 3, 7, 8, 9, 0x7fffffffL, 0xffffffffL};
            for (long i : indices) {
                d.check("pick", i, 5, 3); // add, wrong type, sub, null..., out of bounds
                d.check("pick1", i, 5); // wrong type, neg, wrong type, null..., out of bounds
            }
            d.check("sum", 100, 0); // every call finds a function
            d.check("sum", 100, 1); // the 41st call has the wrong type
            d.check("sum", 100, 5); // the 41st call finds null
            d.check("sum", 100, 8); // the 41st call is out of bounds
            d.check("clear", 0); // null at run time where a function was
            d.check("pick", 0, 5, 3);
            d.check("sum", 100, 0);
            d.check("fill", 5); // a function where null was
            d.check("pick", 5, 5, 3);
            d.check("sum", 30, 5);
            assertEquals(28, d.compared);
        }
    }
}
