package gate.compiler.gen;

import gate.wasm.code.BlockType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Recognises a function body of the shape {@code PREFIX if (empty block type) ... end TAIL},
 * where PREFIX and TAIL are a few pure integer instructions (locals, constants, arithmetic
 * without traps, comparisons): what clang makes of {@code n < 2 ? n : f(n - 1) + ...}. The way
 * that skips the {@code if} reads locals, computes in registers and returns: it touches no
 * memory, calls nothing and cannot trap, so it runs without a frame, and only the {@code if}
 * builds one (shrink wrapping). A caller of such a function cannot count on the callee's entry
 * check for suspension ({@link Lookahead#pollingCall}).
 *
 * <p>The scan is byte-level and cheap: it gives up at the first instruction outside the shape.
 * Whether the compiled function really goes frameless also depends on its locals' homes
 * ({@link #locals}).
 */
public final class GuardShape {
    /** Instructions in PREFIX and TAIL together. */
    private static final int MAX_PURE = 12;
    /** Operand stack height in PREFIX and TAIL: well below the allocatable registers. */
    private static final int MAX_HEIGHT = 4;
    private static final long[] NO_LOCALS = new long[0];

    private long[] locals = NO_LOCALS;

    private GuardShape() {}

    /**
     * The shape of the body in {@code bytes[codeStart, end)} (after the local declarations), or
     * null if it does not have it. Reads only validated code.
     */
    public static GuardShape of(byte[] bytes, int codeStart, int end) {
        GuardShape shape = new GuardShape();
        CodeReader r = new CodeReader(bytes, codeStart, end);
        int count = 0;
        int height = 0;
        while (true) {
            if (r.atEnd()) {
                return null;
            }
            Opcode op = r.opcode();
            if (op == Opcode.IF) {
                if (!BlockType.isEmpty(r.blockType()) || height != 1) {
                    return null;
                }
                break;
            }
            int delta = shape.pure(op, r);
            height += delta;
            if (delta == Integer.MIN_VALUE || height > MAX_HEIGHT || ++count > MAX_PURE) {
                return null;
            }
        }
        int depth = 0;
        while (true) {
            if (r.atEnd()) {
                return null;
            }
            Opcode op = r.opcode();
            if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF) {
                r.blockType();
                depth++;
            } else if (op == Opcode.END) {
                if (depth-- == 0) {
                    break;
                }
            } else if (op == Opcode.ELSE && depth == 0) {
                return null;
            } else {
                r.skipImmediates(op);
            }
        }
        height = 0;
        while (!r.atEnd()) {
            Opcode op = r.opcode();
            if (op == Opcode.END) {
                return r.atEnd() ? shape : null;
            }
            int delta = shape.pure(op, r);
            height += delta;
            if (delta == Integer.MIN_VALUE || height > MAX_HEIGHT || ++count > MAX_PURE) {
                return null;
            }
        }
        return null;
    }

    /** True if PREFIX or TAIL reads local {@code index}. */
    public boolean reads(int index) {
        int word = index >>> 6;
        return word < locals.length && (locals[word] & 1L << index) != 0;
    }

    /**
     * The change of stack height of a pure instruction (its immediates read), or
     * {@link Integer#MIN_VALUE} for any other instruction.
     */
    private int pure(Opcode op, CodeReader r) {
        if (op.prefix != 0) {
            return Integer.MIN_VALUE;
        }
        int c = op.code;
        if (op == Opcode.LOCAL_GET) {
            int index = r.index();
            int word = index >>> 6;
            if (word >= locals.length) {
                locals = java.util.Arrays.copyOf(locals, word + 1);
            }
            locals[word] |= 1L << index;
            return 1;
        } else if (op == Opcode.I32_CONST) {
            r.s32();
            return 1;
        } else if (op == Opcode.I64_CONST) {
            r.s64();
            return 1;
        } else if (c == 0x45 || c == 0x50 || c == 0xA7 || c == 0xAC || c == 0xAD) {
            return 0; // eqz, wrap, extend
        } else if (c >= 0x46 && c <= 0x4F || c >= 0x51 && c <= 0x5A) {
            return -1; // comparisons
        } else if (c >= 0x6A && c <= 0x6C || c >= 0x71 && c <= 0x76
                || c >= 0x7C && c <= 0x7E || c >= 0x83 && c <= 0x88) {
            return -1; // add, sub, mul, and, or, xor, shifts: no trap, no fixed register but rcx
        } else if (op == Opcode.DROP) {
            return -1;
        }
        return Integer.MIN_VALUE;
    }
}
