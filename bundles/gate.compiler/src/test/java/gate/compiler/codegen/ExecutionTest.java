package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.testing.NativeCode;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiled modules executed natively and compared with the interpreter on the same inputs:
 * every operator export of arith.wat on edge values, and control.wat's scenarios in order (its
 * memory, globals and tables carry state from call to call on both engines).
 */
class ExecutionTest {
    private static final long[] I32 = {0, 1, 0xffffffffL, 7, 0xfffffff9L, 0x80000000L,
        0x7fffffffL, 0x12345678, 33, 31};
    private static final long[] I64 = {0, 1, -1, 7, -7, Long.MIN_VALUE, Long.MAX_VALUE,
        0x123456789abcdefL, 64, 0x80000000L};
    private static final float[] F32 = {0f, -0f, 1.5f, -2.75f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e9f, -1e-5f, 2.5f};
    private static final double[] F64 = {0d, -0d, 1.5, -2.75, Double.NaN,
        Double.NEGATIVE_INFINITY, 1e10, 3e9, -4.5e18, 2.5};

    @BeforeEach
    void requireNativeCode() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
    }

    private static long[] values(ValType type) {
        return switch (type) {
            case I32 -> I32;
            case I64 -> I64;
            case F32 -> {
                long[] v = new long[F32.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Float.floatToRawIntBits(F32[i]) & 0xffffffffL;
                }
                yield v;
            }
            case F64 -> {
                long[] v = new long[F64.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.doubleToRawLongBits(F64[i]);
                }
                yield v;
            }
            default -> new long[] {0};
        };
    }

    private static List<long[]> combinations(List<ValType> params) {
        List<long[]> all = new ArrayList<>();
        all.add(new long[0]);
        for (ValType p : params) {
            List<long[]> next = new ArrayList<>();
            for (long[] prefix : all) {
                for (long v : values(p)) {
                    long[] args = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    args[prefix.length] = v;
                    next.add(args);
                }
            }
            all = next;
        }
        return all;
    }

    @Test
    void operatorsAgreeWithTheInterpreter() throws Exception {
        try (Differential d = new Differential("arith.wasm")) {
            for (Export export : d.module.exports()) {
                if (export.kind() == ExternKind.FUNC) {
                    FuncType type = d.type(export.name());
                    for (long[] args : combinations(type.params())) {
                        d.check(export.name(), args);
                    }
                }
            }
            assertTrue(d.compared > 5000, "compared " + d.compared);
        }
    }

    @Test
    void controlCallsMemoryAndTablesAgreeWithTheInterpreter() throws Exception {
        try (Differential d = new Differential("control.wasm")) {
            for (long n : new long[] {0, 1, 5, 20}) {
                d.check("fac", n);
                d.check("sum_loop", n);
                d.check("fib", n);
            }
            for (long i = 0; i < 7; i++) {
                d.check("switch", i);
                d.check("table_switch_values", i);
            }
            d.check("switch", 0xffffffffL);
            d.check("br_value", 0);
            d.check("br_value", 1);
            d.check("multi", 10, 3);
            d.check("multi_block", 7);
            d.check("globals", 5);
            d.check("globals", 7);
            for (long table = 0; table < 10; table++) {
                d.check("call_indirect", table, 9);
            }
            d.check("call_indirect", 0xffffffffL, 9);
            d.check("memory", 0, 0x1122334455667788L);
            d.check("memory", 1000, -5);
            d.check("float_memory", Double.doubleToRawLongBits(3.25));
            d.check("grow", 0);
            d.check("grow", 1);
            d.check("grow", 5);
            d.check("grow_and_touch");
            d.check("bulk", 0x41);
            d.check("fill_oob");
            d.check("init_oob");
            d.check("tables", 6);
            d.check("tables", 7);
            d.check("table_get_set", 0);
            d.check("table_get_set", 3);
            d.check("table_get_set", 100);
            d.check("unreachable", 0);
            d.check("unreachable", 1);
            d.check("recurse");
            d.check("many_locals", 5);
            d.check("many_locals", -1);
            d.check("dead_code", 4);
            d.check("swap_params", 10, 3);
            d.check("far_offset", 1);
            d.check("far_offset", 0xfffffff0L);
            d.check("pending_get", 5);
            d.check("shuffled_args", 7, 0xfffffff0L);
            d.check("shuffled_args", 0, 1);
            d.check("offset_arg", 10, 3);
            d.check("offset_arg", 0, 0xffffffffL);
            long[] doubles = {Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(2.0),
                Double.doubleToRawLongBits(Double.NaN)};
            for (long a : doubles) {
                for (long b : doubles) {
                    d.check("float_compare", a, b);
                }
            }
        }
    }
}
