package gate.compiler.gen;

import gate.wasm.code.BlockType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Recognises two function body shapes that can run without a frame.
 *
 * <p>A guard: {@code PREFIX if (empty block type) ... end TAIL}, where PREFIX and TAIL are a few
 * pure integer instructions (locals, constants, arithmetic without traps, comparisons): what
 * clang makes of {@code n < 2 ? n : f(n - 1) + ...}. The way that skips the {@code if} reads
 * locals, computes in registers and returns: it touches no memory, calls nothing and cannot
 * trap, so it runs without a frame, and only the {@code if} builds one (shrink wrapping).
 *
 * <p>A leaf: a body of pure instructions only (locals may also be written), such as
 * {@code local.get 0 local.get 1 i32.add}. It runs without a frame from its first instruction
 * to its {@code ret}: it has no call, loop, memory access or trap, hence no suspension point and
 * no stack map, and it is bounded.
 *
 * <p>A caller of either cannot count on the callee's entry check for suspension
 * ({@link Lookahead#pollingCall}).
 *
 * <p>The scan is byte-level and cheap: it gives up at the first instruction outside the shape.
 * Whether the compiled function really goes frameless also depends on its locals' homes
 * ({@link #reads}, {@link #touches}).
 */
public final class GuardShape {
    /** Instructions in PREFIX and TAIL together. */
    private static final int MAX_PURE = 12;
    /** Instructions in a leaf body (its length only bounds the scan). */
    private static final int MAX_LEAF = 64;
    /** Operand stack height in PREFIX, TAIL and leaves: well below the allocatable registers. */
    public static final int MAX_HEIGHT = 4;
    private static final long[] NO_LOCALS = new long[0];

    /** Locals read; in leaves also locals written ({@link #touched}). */
    private long[] locals = NO_LOCALS;
    private long[] touched = NO_LOCALS;
    private boolean writes;
    private boolean leaf;
    private int maxHeight;

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
                // A guard's PREFIX runs again when its ENTRY site resumes: it must not write.
                if (!BlockType.isEmpty(r.blockType()) || height != 1 || shape.writes
                        || count > MAX_PURE) {
                    return null;
                }
                break;
            }
            if (op == Opcode.END) {
                shape.leaf = true;
                return r.atEnd() ? shape : null;
            }
            int delta = shape.pure(op, r);
            height += delta;
            shape.maxHeight = Math.max(shape.maxHeight, height);
            if (delta == Integer.MIN_VALUE || height > MAX_HEIGHT || ++count > MAX_LEAF) {
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
            shape.maxHeight = Math.max(shape.maxHeight, height);
            if (delta == Integer.MIN_VALUE || shape.writes || height > MAX_HEIGHT
                    || ++count > MAX_PURE) {
                return null;
            }
        }
        return null;
    }

    /** True for a leaf body (no {@code if}), false for a guard. */
    public boolean isLeaf() {
        return leaf;
    }

    /** The highest operand stack height the pure instructions reach. */
    public int maxHeight() {
        return maxHeight;
    }

    /** True if the body reads or (leaves only) writes local {@code index}. */
    public boolean touches(int index) {
        return reads(index) || isSet(touched, index);
    }

    /** True if PREFIX or TAIL reads local {@code index}. */
    public boolean reads(int index) {
        return isSet(locals, index);
    }

    private static boolean isSet(long[] bits, int index) {
        int word = index >>> 6;
        return word < bits.length && (bits[word] & 1L << index) != 0;
    }

    private static long[] set(long[] bits, int index) {
        int word = index >>> 6;
        if (word >= bits.length) {
            bits = java.util.Arrays.copyOf(bits, word + 1);
        }
        bits[word] |= 1L << index;
        return bits;
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
            locals = set(locals, r.index());
            return 1;
        } else if (op == Opcode.LOCAL_SET || op == Opcode.LOCAL_TEE) {
            // Only leaves may write (checked by the caller once the shape is known).
            touched = set(touched, r.index());
            writes = true;
            return op == Opcode.LOCAL_SET ? -1 : 0;
        } else if (op == Opcode.I32_CONST) {
            r.s32();
            return 1;
        } else if (op == Opcode.I64_CONST) {
            r.s64();
            return 1;
        } else if (c == 0x45 || c == 0x50 || c == 0xA7 || c == 0xAC || c == 0xAD
                || c >= 0x67 && c <= 0x69 || c >= 0x79 && c <= 0x7B || c >= 0xC0 && c <= 0xC4) {
            return 0; // eqz, wrap, extend, clz, ctz, popcnt, extendN_s
        } else if (c >= 0x46 && c <= 0x4F || c >= 0x51 && c <= 0x5A) {
            return -1; // comparisons
        } else if (c >= 0x6A && c <= 0x6C || c >= 0x71 && c <= 0x78
                || c >= 0x7C && c <= 0x7E || c >= 0x83 && c <= 0x8A) {
            // add, sub, mul, and, or, xor, shifts, rotations: no trap, no fixed register but rcx
            return -1;
        } else if (op == Opcode.DROP) {
            return -1;
        } else if (op == Opcode.SELECT) {
            return -2;
        } else if (op == Opcode.NOP) {
            return 0;
        }
        return Integer.MIN_VALUE;
    }
}
