package gate.interp;

import gate.wasm.ValType;
import java.util.Arrays;

/**
 * The operand stack's types while translating a function (as the validator sees them, core spec
 * §3.3): its height sizes branch moves and frames, its types are recorded at suspension points.
 */
final class OperandTypes {
    private ValType[] types = new ValType[16];
    private int height;
    private int maxHeight;

    int height() {
        return height;
    }

    int maxHeight() {
        return maxHeight;
    }

    void push(ValType t) {
        if (height == types.length) {
            types = Arrays.copyOf(types, height * 2);
        }
        types[height++] = t;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    void pop(int n) {
        height -= n;
    }

    /** The type just above the current top (the last one popped). */
    ValType popped() {
        return types[height];
    }

    /** A copy of the types below height {@code h}. */
    ValType[] below(int h) {
        return Arrays.copyOf(types, h);
    }

    /** Resets the stack to height {@code h} plus {@code top} (a block's start or end). */
    void reset(int h, ValType[] top) {
        height = h;
        for (ValType t : top) {
            push(t);
        }
    }
}
