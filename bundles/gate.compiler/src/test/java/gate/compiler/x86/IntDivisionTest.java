package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Division and remainder run natively and compared with the spec's definitions (computed with
 * Java's own arithmetic), including every trap and the MIN / -1 corner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntDivisionTest {
    private static final long[] EDGES32 = {0, 1, -1, 2, -2, 7, -7, Integer.MIN_VALUE,
        Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x80000000L, 0xffffffffL, 0x12345678};
    private static final long[] EDGES64 = {0, 1, -1, 2, -2, 7, -7, Long.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE + 1, Integer.MIN_VALUE, 0xffffffffL, 0x123456789abcdefL};

    private final Map<IntDivision, int[]> entries = new EnumMap<>(IntDivision.class);
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        for (IntDivision op : IntDivision.values()) {
            int[] at = new int[2];
            for (Size size : new Size[] {Size.DWORD, Size.QWORD}) {
                at[size == Size.DWORD ? 0 : 1] = code.position();
                // dividend rdi -> rax, divisor rsi -> r9 (an extended register on purpose)
                RmReg.MOV.regReg(code, Size.QWORD, Reg.RAX, Reg.RDI);
                RmReg.MOV.regReg(code, Size.QWORD, Reg.R9, Reg.RSI);
                op.emit(code, stubs, size, Reg.R9);
                RmReg.MOV.regReg(code, size, Reg.RAX, op.resultRegister());
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

    /** The spec result, or a trap id encoded as Long.MIN_VALUE + id. */
    private static long expected32(IntDivision op, int a, int b) {
        if (b == 0) {
            return Long.MIN_VALUE + TrapId.INTEGER_DIVIDE_BY_ZERO.id;
        }
        int r = switch (op) {
            case DIV_S -> {
                if (a == Integer.MIN_VALUE && b == -1) {
                    yield Integer.MIN_VALUE;
                }
                yield a / b;
            }
            case DIV_U -> Integer.divideUnsigned(a, b);
            case REM_S -> b == -1 ? 0 : a % b;
            case REM_U -> Integer.remainderUnsigned(a, b);
        };
        if (op == IntDivision.DIV_S && a == Integer.MIN_VALUE && b == -1) {
            return Long.MIN_VALUE + TrapId.INTEGER_OVERFLOW.id;
        }
        return r & 0xffffffffL;
    }

    private static long expected64(IntDivision op, long a, long b) {
        if (b == 0) {
            return Long.MIN_VALUE + TrapId.INTEGER_DIVIDE_BY_ZERO.id;
        }
        if (op == IntDivision.DIV_S && a == Long.MIN_VALUE && b == -1) {
            return Long.MIN_VALUE + TrapId.INTEGER_OVERFLOW.id;
        }
        return switch (op) {
            case DIV_S -> a / b;
            case DIV_U -> Long.divideUnsigned(a, b);
            case REM_S -> b == -1 ? 0 : a % b;
            case REM_U -> Long.remainderUnsigned(a, b);
        };
    }

    private long actual(IntDivision op, Size size, long a, long b) {
        NativeCode.Outcome outcome = run.call(entries.get(op)[size == Size.DWORD ? 0 : 1], a, b);
        return outcome.trapped() ? Long.MIN_VALUE + outcome.trap() : outcome.rax();
    }

    private void check(IntDivision op, long a, long b) {
        // i32 operands arrive with garbage in the upper half: the code must ignore it.
        long a32 = a | 0x5a5a5a5a00000000L;
        long b32 = b | 0xa5a5a5a500000000L;
        assertEquals(expected32(op, (int) a, (int) b), actual(op, Size.DWORD, a32, b32),
                () -> op + " i32 " + (int) a + ", " + (int) b);
        assertEquals(expected64(op, a, b), actual(op, Size.QWORD, a, b),
                () -> op + " i64 " + a + ", " + b);
    }

    @Test
    void edgeCases() {
        for (IntDivision op : IntDivision.values()) {
            for (long a : EDGES32) {
                for (long b : EDGES32) {
                    check(op, a, b);
                }
            }
            for (long a : EDGES64) {
                for (long b : EDGES64) {
                    check(op, a, b);
                }
            }
        }
    }

    @Test
    void randomOperands() {
        Random random = new Random(20261122);
        for (int i = 0; i < 2000; i++) {
            long a = random.nextLong() >> random.nextInt(64);
            long b = random.nextLong() >> random.nextInt(64);
            for (IntDivision op : IntDivision.values()) {
                check(op, a, b);
            }
        }
    }

    @Test
    void registerContract() {
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        assertThrows(IllegalArgumentException.class,
                () -> IntDivision.DIV_S.emit(code, stubs, Size.QWORD, Reg.RDX));
        assertThrows(IllegalArgumentException.class,
                () -> IntDivision.REM_U.emit(code, stubs, Size.WORD, Reg.RCX));
    }
}
