package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bit counts (both the LZCNT/TZCNT forms and the BSR/BSF fallback) and float comparisons, run
 * natively and compared with Java's Integer/Long bit methods and float operators, whose NaN
 * behaviour is the spec's (core §4.3.2-4.3.3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntAndCompareOpsTest {
    private final Map<String, Integer> entries = new HashMap<>();
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        for (BitCount op : BitCount.values()) {
            for (Size size : new Size[] {Size.DWORD, Size.QWORD}) {
                for (boolean fast : new boolean[] {true, false}) {
                    entries.put(op + " " + size + " " + fast, code.position());
                    RmReg.MOV.regReg(code, Size.QWORD, Reg.R13, Reg.RSI); // garbage
                    op.emit(code, size, Reg.R13, Reg.RDI, fast);
                    RmReg.MOV.regReg(code, Size.QWORD, Reg.RAX, Reg.R13);
                    NoOperand.RET.emit(code);
                }
            }
        }
        for (FloatCompare op : FloatCompare.values()) {
            for (boolean doubles : new boolean[] {false, true}) {
                entries.put(op + " " + doubles, code.position());
                Size size = doubles ? Size.QWORD : Size.DWORD;
                XmmGp.MOVD.regReg(code, size, Xmm.XMM1, Reg.RDI);
                XmmGp.MOVD.regReg(code, size, Xmm.XMM14, Reg.RSI);
                RmReg.MOV.regReg(code, Size.QWORD, Reg.RSI, Reg.RDI); // garbage into the target
                op.emit(code, doubles, Reg.RSI, Xmm.XMM1, Xmm.XMM14);
                RmReg.MOV.regReg(code, Size.QWORD, Reg.RAX, Reg.RSI);
                NoOperand.RET.emit(code);
            }
        }
        run = NativeCode.load(code);
    }

    @AfterAll
    void unload() {
        if (run != null) {
            run.close();
        }
    }

    private static long expected(BitCount op, Size size, long v) {
        if (size == Size.DWORD) {
            int i = (int) v;
            return switch (op) {
                case CLZ -> Integer.numberOfLeadingZeros(i);
                case CTZ -> Integer.numberOfTrailingZeros(i);
                case POPCNT -> Integer.bitCount(i);
            };
        }
        return switch (op) {
            case CLZ -> Long.numberOfLeadingZeros(v);
            case CTZ -> Long.numberOfTrailingZeros(v);
            case POPCNT -> Long.bitCount(v);
        };
    }

    @Test
    void bitCounts() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, 0x80000000L,
                0xffffffffL, 0x100000000L, 0x8000000000000001L, 0x00ff00ff00ff00ffL));
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            values.add(random.nextLong() >>> random.nextInt(64));
            values.add(random.nextLong() << random.nextInt(64));
        }
        for (BitCount op : BitCount.values()) {
            for (Size size : new Size[] {Size.DWORD, Size.QWORD}) {
                for (boolean fast : new boolean[] {true, false}) {
                    int entry = entries.get(op + " " + size + " " + fast);
                    for (long v : values) {
                        // Upper garbage in an i32 operand must not count.
                        long in = size == Size.DWORD ? v | 0xf0f0f0f000000000L : v;
                        assertEquals(expected(op, size, v), run.call(entry, in, -1L).rax(),
                                () -> op.wasmName(size) + (fast ? "" : " (fallback)") + " of "
                                        + Long.toHexString(v));
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> BitCount.CLZ.emit(new CodeBuffer(), Size.WORD, Reg.RAX, Reg.RCX, true));
    }

    private static boolean expected(FloatCompare op, double a, double b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case GT -> a > b;
            case LE -> a <= b;
            case GE -> a >= b;
        };
    }

    @Test
    void floatComparisons() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300, 3.4028234663852886E38};
        for (FloatCompare op : FloatCompare.values()) {
            for (double a : values) {
                for (double b : values) {
                    float fa = (float) a;
                    float fb = (float) b;
                    long f32 = run.call(entries.get(op + " false"),
                            Float.floatToRawIntBits(fa) & 0xffffffffL,
                            Float.floatToRawIntBits(fb) & 0xffffffffL).rax();
                    assertEquals(expected(op, fa, fb) ? 1 : 0, f32,
                            () -> "f32." + op + "(" + fa + ", " + fb + ")");
                    long f64 = run.call(entries.get(op + " true"), Double.doubleToRawLongBits(a),
                            Double.doubleToRawLongBits(b)).rax();
                    assertEquals(expected(op, a, b) ? 1 : 0, f64,
                            () -> "f64." + op + "(" + a + ", " + b + ")");
                }
            }
        }
    }
}
