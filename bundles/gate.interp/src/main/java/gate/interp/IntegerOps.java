package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;

/** Integer operations that can trap (core spec §4.3.2 idiv, irem). */
final class IntegerOps {
    private IntegerOps() {}

    static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    /** Java's {@code %} already gives 0 for {@code MIN_VALUE % -1}, as the spec wants. */
    static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new TrapException(TrapId.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapId.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }
}
