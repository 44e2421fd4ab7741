package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** fabs, fneg and fcopysign run natively: exact bit results, NaN payloads included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FloatSignTest {
    /** Entries by [operation: abs, neg, copysign][0 f32, 1 f64]. */
    private final int[][] entries = new int[3][2];
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        for (int op = 0; op < 3; op++) {
            for (int d = 0; d < 2; d++) {
                boolean doubles = d == 1;
                Size size = doubles ? Size.QWORD : Size.DWORD;
                entries[op][d] = code.position();
                XmmGp.MOVD.regReg(code, size, Xmm.XMM8, Reg.RDI);
                XmmGp.MOVD.regReg(code, size, Xmm.XMM2, Reg.RSI);
                switch (op) {
                    case 0 -> FloatSign.abs(code, doubles, Xmm.XMM8);
                    case 1 -> FloatSign.neg(code, doubles, Xmm.XMM8);
                    default -> FloatSign.copysign(code, doubles, Xmm.XMM8, Xmm.XMM2, Xmm.XMM15);
                }
                GpRmXmm.MOVD.regReg(code, Size.QWORD, Reg.RAX, Xmm.XMM8);
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

    @Test
    void signBitOperations() {
        List<Long> values = new ArrayList<>(List.of(0L, Long.MIN_VALUE, 0x7ff8000000000001L,
                0xfff0000000000001L, 0x3ff0000000000000L, 0x7f800001L, 0xff800001L, 0x80000000L,
                0xbf800000L, -1L));
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            values.add(random.nextLong());
        }
        for (long a : values) {
            for (long b : values.subList(0, 12)) {
                long a32 = a & 0xffffffffL;
                long b32 = b & 0xffffffffL;
                assertEquals(a32 & 0x7fffffffL, run.call(entries[0][0], a32, b32).rax(), "f32.abs");
                assertEquals(a32 ^ 0x80000000L, run.call(entries[1][0], a32, b32).rax(), "f32.neg");
                assertEquals(a32 & 0x7fffffffL | b32 & 0x80000000L,
                        run.call(entries[2][0], a32, b32).rax(), "f32.copysign");
                assertEquals(a & Long.MAX_VALUE, run.call(entries[0][1], a, b).rax(), "f64.abs");
                assertEquals(a ^ Long.MIN_VALUE, run.call(entries[1][1], a, b).rax(), "f64.neg");
                assertEquals(a & Long.MAX_VALUE | b & Long.MIN_VALUE,
                        run.call(entries[2][1], a, b).rax(), "f64.copysign");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> FloatSign.copysign(new CodeBuffer(),
                true, Xmm.XMM0, Xmm.XMM1, Xmm.XMM1));
    }
}
