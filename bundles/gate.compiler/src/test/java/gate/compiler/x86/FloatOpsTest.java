package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import java.math.BigInteger;
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
 * fmin/fmax, the roundings and the integer-to-float conversions run natively and compared with
 * Java, whose Math.min/max, floor/ceil/rint and long/BigInteger-to-float conversions have the
 * semantics the spec asks for (core §4.3.3). NaN results only need to be NaN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloatOpsTest {
    private final Map<FloatMinMax, Integer> minMax = new EnumMap<>(FloatMinMax.class);
    private final Map<FloatRounding, int[]> rounding = new EnumMap<>(FloatRounding.class);
    private final Map<IntToFloat, Integer> conversions = new EnumMap<>(IntToFloat.class);
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        for (FloatMinMax op : FloatMinMax.values()) {
            Size size = op.name().startsWith("F64") ? Size.QWORD : Size.DWORD;
            minMax.put(op, code.position());
            XmmGp.MOVD.regReg(code, size, Xmm.XMM3, Reg.RDI);
            XmmGp.MOVD.regReg(code, size, Xmm.XMM9, Reg.RSI);
            op.emit(code, Xmm.XMM3, Xmm.XMM9);
            GpRmXmm.MOVD.regReg(code, size, Reg.RAX, Xmm.XMM3);
            NoOperand.RET.emit(code);
        }
        for (FloatRounding op : FloatRounding.values()) {
            int f32 = code.position();
            XmmGp.MOVD.regReg(code, Size.DWORD, Xmm.XMM4, Reg.RDI);
            op.f32(code, Xmm.XMM11, Xmm.XMM4);
            GpRmXmm.MOVD.regReg(code, Size.DWORD, Reg.RAX, Xmm.XMM11);
            NoOperand.RET.emit(code);
            int f64 = code.position();
            XmmGp.MOVD.regReg(code, Size.QWORD, Xmm.XMM12, Reg.RDI);
            op.f64(code, Xmm.XMM0, Xmm.XMM12);
            GpRmXmm.MOVD.regReg(code, Size.QWORD, Reg.RAX, Xmm.XMM0);
            NoOperand.RET.emit(code);
            rounding.put(op, new int[] {f32, f64});
        }
        for (IntToFloat op : IntToFloat.values()) {
            conversions.put(op, code.position());
            XmmGp.MOVD.regReg(code, Size.QWORD, Xmm.XMM7, Reg.RSI); // garbage to be cleared
            op.emit(code, Xmm.XMM7, Reg.RDI);
            GpRmXmm.MOVD.regReg(code, Size.QWORD, Reg.RAX, Xmm.XMM7);
            NoOperand.RET.emit(code);
        }
        run = NativeCode.load(code);
    }

    @AfterAll
    void unload() {
        if (run != null) {
            run.close();
        }
    }

    private static List<Double> samples() {
        List<Double> list = new ArrayList<>(List.of(0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
                0.49999999999999994, 1e300, -1e300, 0x1p52 + 0.5, 0x1p23 + 0.5, 3.0, -7.25,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            list.add(Math.scalb(random.nextDouble() * 2 - 1, random.nextInt(80) - 20));
        }
        return list;
    }

    private static void assertSameFloat(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + " should be NaN, was " + actual);
        } else {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    () -> what + ": expected " + expected + " but was " + actual);
        }
    }

    private double f32(int entry, double a, double b) {
        long bits = run.call(entry, Float.floatToRawIntBits((float) a) & 0xffffffffL,
                Float.floatToRawIntBits((float) b) & 0xffffffffL).rax();
        assertEquals(0, bits >>> 32, "upper bits of an f32 result");
        return Float.intBitsToFloat((int) bits);
    }

    private double f64(int entry, double a, double b) {
        return Double.longBitsToDouble(run.call(entry, Double.doubleToRawLongBits(a),
                Double.doubleToRawLongBits(b)).rax());
    }

    @Test
    void minAndMax() {
        List<Double> samples = samples();
        for (int i = 0; i < samples.size(); i++) {
            for (int j = 0; j < samples.size(); j += 7) {
                double a = samples.get(i);
                double b = samples.get((i + j) % samples.size());
                float fa = (float) a;
                float fb = (float) b;
                String args = "(" + a + ", " + b + ")";
                assertSameFloat(Math.min(fa, fb), f32(minMax.get(FloatMinMax.F32_MIN), fa, fb),
                        "f32.min" + args);
                assertSameFloat(Math.max(fa, fb), f32(minMax.get(FloatMinMax.F32_MAX), fa, fb),
                        "f32.max" + args);
                assertSameFloat(Math.min(a, b), f64(minMax.get(FloatMinMax.F64_MIN), a, b),
                        "f64.min" + args);
                assertSameFloat(Math.max(a, b), f64(minMax.get(FloatMinMax.F64_MAX), a, b),
                        "f64.max" + args);
            }
        }
        // The signed zeros, both orders.
        assertSameFloat(-0.0, f64(minMax.get(FloatMinMax.F64_MIN), 0.0, -0.0), "min(0, -0)");
        assertSameFloat(0.0, f64(minMax.get(FloatMinMax.F64_MAX), -0.0, 0.0), "max(-0, 0)");
    }

    private static double expectedRounding(FloatRounding op, double x) {
        return switch (op) {
            case NEAREST -> Math.rint(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case TRUNC -> x < 0 ? Math.ceil(x) : Math.floor(x);
        };
    }

    @Test
    void roundings() {
        for (FloatRounding op : FloatRounding.values()) {
            for (double x : samples()) {
                float f = (float) x;
                assertSameFloat((float) expectedRounding(op, f),
                        f32(rounding.get(op)[0], f, 0), op + " f32 " + f);
                assertSameFloat(expectedRounding(op, x), f64(rounding.get(op)[1], x, 0),
                        op + " f64 " + x);
            }
        }
    }

    private static double expectedConversion(IntToFloat op, long v) {
        String name = op.name();
        boolean i32 = name.contains("I32");
        boolean unsigned = name.endsWith("_U");
        BigInteger value = i32
                ? BigInteger.valueOf(unsigned ? v & 0xffffffffL : (int) v)
                : unsigned ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v);
        return name.startsWith("F32") ? value.floatValue() : value.doubleValue();
    }

    @Test
    void integerToFloat() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 2L, Long.MIN_VALUE,
                Long.MAX_VALUE, 0xffffffffL, 0x80000000L, 0x7fffffffL, 1L << 53, (1L << 53) + 1,
                (1L << 24) + 1, 0x8000000000000001L, 0xfffffffffffffc01L, 0x8000008000000001L,
                0xffffff7fffffffffL, 0x12345678abcdef01L));
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong() >>> random.nextInt(64));
            values.add(random.nextLong());
        }
        for (IntToFloat op : IntToFloat.values()) {
            boolean f32 = op.name().startsWith("F32");
            for (long v : values) {
                long bits = run.call(conversions.get(op), v, -1L).rax();
                double actual = f32
                        ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                if (f32) {
                    assertEquals(0, bits >>> 32, "upper bits of " + op.wasmName());
                }
                assertSameFloat(expectedConversion(op, v), actual, op.wasmName() + "(" + v + ")");
            }
        }
    }
}
