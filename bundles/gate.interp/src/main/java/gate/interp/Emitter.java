package gate.interp;

import java.util.Arrays;

/**
 * Growable internal code buffer. Remembers where the last instructions started and where the
 * last branch target is (the barrier), so the translator can fuse instruction sequences that no
 * branch jumps into.
 */
final class Emitter {
    private int[] code = new int[64];
    private int size;
    private int barrier;
    /** Start of the last and the one before last instruction, or -1 when unknown. */
    private int lastStart = -1;
    private int previousStart = -1;

    int position() {
        return size;
    }

    /** Marks the current position as a branch target: nothing before it may be fused with after. */
    void barrier() {
        barrier = size;
    }

    int at(int position) {
        return code[position];
    }

    /** Opcode of the last instruction if it may be fused with the next one, else -1. */
    int lastOp() {
        return lastStart >= barrier && lastStart >= 0 ? code[lastStart] : -1;
    }

    /** Opcode of the instruction before the last if it may be fused, else -1. */
    int previousOp() {
        return previousStart >= barrier && previousStart >= 0 ? code[previousStart] : -1;
    }

    /** Immediate {@code i} (from 1) of the last instruction. */
    int lastImmediate(int i) {
        return code[lastStart + i];
    }

    /** Immediate {@code i} (from 1) of the instruction before the last. */
    int previousImmediate(int i) {
        return code[previousStart + i];
    }

    /** Drops the last instruction (to replace it with a fused one). */
    void dropLast() {
        size = lastStart;
        lastStart = previousStart;
        previousStart = -1;
    }

    /** Emits one instruction: an opcode and its immediates. */
    void op(int... words) {
        previousStart = lastStart;
        lastStart = size;
        words(words);
    }

    /** Emits words that continue the current instruction (br_table entries). */
    void words(int... words) {
        if (size + words.length > code.length) {
            code = Arrays.copyOf(code, Math.max(code.length * 2, size + words.length));
        }
        for (int w : words) {
            code[size++] = w;
        }
    }

    void patch(int position, int target) {
        code[position] = target;
    }

    int[] toArray() {
        return Arrays.copyOf(code, size);
    }
}
