package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import gate.engine.TrapId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Float-to-integer truncations run natively on edge and random inputs and compared with the spec
 * (core §4.3.3 trunc / trunc_sat), computed here exactly with BigDecimal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloatToIntTest {
    private static final Xmm SOURCE = Xmm.XMM5;
    private static final Xmm SCRATCH = Xmm.XMM13;
    private static final Reg TARGET = Reg.R10;

    /** Entry offsets: trapping result, saturating result, source after trapping. */
    private final Map<FloatToInt, int[]> entries = new EnumMap<>(FloatToInt.class);
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        for (FloatToInt op : FloatToInt.values()) {
            int[] at = new int[3];
            for (int variant = 0; variant < 3; variant++) {
                at[variant] = code.position();
                Size floatSize = isDouble(op) ? Size.QWORD : Size.DWORD;
                XmmGp.MOVD.regReg(code, floatSize, SOURCE, Reg.RDI);
                // Garbage in the target's upper half must not survive an i32 result.
                RmReg.MOV.regReg(code, Size.QWORD, TARGET, Reg.RSI);
                if (variant == 1) {
                    op.emitSaturating(code, TARGET, SOURCE, SCRATCH);
                } else {
                    op.emitTrapping(code, stubs, TARGET, SOURCE, SCRATCH);
                }
                if (variant == 2) {
                    GpRmXmm.MOVD.regReg(code, floatSize, Reg.RAX, SOURCE);
                } else {
                    RmReg.MOV.regReg(code, Size.QWORD, Reg.RAX, TARGET);
                }
                NoOperand.RET.emit(code);
            }
            entries.put(op, at);
        }
        run = NativeCode.load(code);
    }

    @AfterAll
    void unload() {
        if (run != null) {
            run.close();
        }
    }

    private static boolean isDouble(FloatToInt op) {
        return op.name().contains("F64");
    }

    private static int bits(FloatToInt op) {
        return op.name().startsWith("I32") ? 32 : 64;
    }

    private static boolean signed(FloatToInt op) {
        return op.name().endsWith("_S");
    }

    private static BigDecimal min(FloatToInt op) {
        return signed(op) ? BigDecimal.valueOf(2).pow(bits(op) - 1).negate() : BigDecimal.ZERO;
    }

    private static BigDecimal max(FloatToInt op) {
        int n = signed(op) ? bits(op) - 1 : bits(op);
        return BigDecimal.valueOf(2).pow(n).subtract(BigDecimal.ONE);
    }

    /** The integer bits a result of {@code value} has in a 64-bit register. */
    private static long register(FloatToInt op, BigDecimal value) {
        long raw = value.toBigInteger().longValue();
        return bits(op) == 32 ? raw & 0xffffffffL : raw;
    }

    /** Spec result of the trapping form: the value, or Long.MIN_VALUE + trap id. */
    private static long trapping(FloatToInt op, double x) {
        if (Double.isNaN(x)) {
            return Long.MIN_VALUE + TrapId.INVALID_CONVERSION_TO_INTEGER.id;
        }
        if (Double.isInfinite(x)) {
            return Long.MIN_VALUE + TrapId.INTEGER_OVERFLOW.id;
        }
        BigDecimal t = new BigDecimal(x).setScale(0, java.math.RoundingMode.DOWN);
        if (t.compareTo(min(op)) < 0 || t.compareTo(max(op)) > 0) {
            return Long.MIN_VALUE + TrapId.INTEGER_OVERFLOW.id;
        }
        return register(op, t);
    }

    private static long saturating(FloatToInt op, double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return register(op, min(op));
        }
        if (x == Double.POSITIVE_INFINITY) {
            return register(op, max(op));
        }
        BigDecimal t = new BigDecimal(x).setScale(0, java.math.RoundingMode.DOWN);
        return register(op, t.max(min(op)).min(max(op)));
    }

    private long inputBits(FloatToInt op, double x, long nanBits) {
        if (Double.isNaN(x) && nanBits != 0) {
            return nanBits;
        }
        return isDouble(op) ? Double.doubleToRawLongBits(x) : Float.floatToRawIntBits((float) x);
    }

    private void check(FloatToInt op, double x, long nanBits) {
        long in = inputBits(op, x, nanBits);
        int[] at = entries.get(op);
        long garbage = 0xdeadbeefcafef00dL;
        NativeCode.Outcome trap = run.call(at[0], in, garbage);
        long actual = trap.trapped() ? Long.MIN_VALUE + trap.trap() : trap.rax();
        assertEquals(trapping(op, x), actual, () -> op.wasmName() + "(" + x + ")");
        assertEquals(saturating(op, x), run.call(at[1], in, garbage).rax(),
                () -> op.saturatingWasmName() + "(" + x + ")");
        NativeCode.Outcome kept = run.call(at[2], in, garbage);
        if (!kept.trapped()) {
            long mask = isDouble(op) ? -1L : 0xffffffffL;
            assertEquals(in & mask, kept.rax() & mask, () -> op + " changed its source " + x);
        }
    }

    /** Values around every bound the conversions care about, in both directions. */
    private static List<Double> edges(boolean isDouble) {
        List<Double> list = new ArrayList<>();
        double[] anchors = {0, 0.5, 0.99999, 1, 1.5, 0x1p31, 0x1p31 + 1, 0x1p32, 0x1p32 + 1,
            0x1p63, 0x1p64, 0x1p65, 12345.678, Double.MAX_VALUE, Double.MIN_VALUE};
        for (double a : anchors) {
            for (double sign : new double[] {1, -1}) {
                double v = sign * a;
                if (isDouble) {
                    list.add(v);
                    list.add(Math.nextUp(v));
                    list.add(Math.nextDown(v));
                } else {
                    float f = (float) v;
                    list.add((double) f);
                    list.add((double) Math.nextUp(f));
                    list.add((double) Math.nextDown(f));
                }
            }
        }
        list.add(Double.NaN);
        list.add(Double.POSITIVE_INFINITY);
        list.add(Double.NEGATIVE_INFINITY);
        return list;
    }

    @Test
    void edgeInputs() {
        for (FloatToInt op : FloatToInt.values()) {
            for (double x : edges(isDouble(op))) {
                check(op, x, 0);
            }
            // A negative NaN with a payload is still NaN.
            check(op, Double.NaN, isDouble(op) ? 0xfff0000000000123L : 0xff800123L);
        }
    }

    @Test
    void randomInputs() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            double x = Math.scalb(random.nextDouble() * 2 - 1, random.nextInt(70));
            for (FloatToInt op : FloatToInt.values()) {
                check(op, isDouble(op) ? x : (double) (float) x, 0);
            }
        }
    }

    @Test
    void registerContract() {
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        assertThrows(IllegalArgumentException.class, () -> FloatToInt.I32_TRUNC_F32_S
                .emitTrapping(code, stubs, Reg.RCX, Xmm.XMM0, Xmm.XMM1));
        assertThrows(IllegalArgumentException.class, () -> FloatToInt.I64_TRUNC_F64_U
                .emitSaturating(code, Reg.RAX, Xmm.XMM1, Xmm.XMM1));
        assertEquals("i64.trunc_sat_f32_u", FloatToInt.I64_TRUNC_F32_U.saturatingWasmName());
    }
}
