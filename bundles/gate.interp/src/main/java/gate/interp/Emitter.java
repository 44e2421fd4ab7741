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

    int position() {
        return size;
    }

    /** Marks the current position as a branch target: nothing before it may be fused with after. */
    void barrier() {
        barrier = size;
    }

    int barrierPosition() {
        return barrier;
    }

    int get(int position) {
        return code[position];
    }

    void set(int position, int value) {
        code[position] = value;
    }

    /** Drops everything from {@code position} on (to replace it with a fused instruction). */
    void truncate(int position) {
        size = position;
    }

    void op(int... words) {
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
