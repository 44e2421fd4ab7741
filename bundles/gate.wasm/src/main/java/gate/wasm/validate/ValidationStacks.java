package gate.wasm.validate;

import gate.wasm.InvalidModuleException;
import gate.wasm.ResourceLimitException;
import gate.wasm.ValType;
import gate.wasm.code.Opcode;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the validation algorithm in core spec appendix 7.3. A {@code
 * null} operand stands for the "unknown" type that unreachable code produces (a polymorphic stack).
 * Frames are reused, so validating allocates only when a stack grows past its largest size so far.
 *
 * <p>Confined to one thread; reused across the functions of one module via {@link #reset}.
 */
final class ValidationStacks {
    /** One entry of the control stack. */
    static final class Frame {
        Opcode opcode;
        List<ValType> startTypes;
        List<ValType> endTypes;
        int height;
        boolean unreachable;

        /** Types a branch to this frame's label must provide (§3.3.8). */
        List<ValType> labelTypes() {
            return opcode == Opcode.LOOP ? startTypes : endTypes;
        }
    }

    private final int maxHeight;
    private final int maxDepth;
    private ValType[] values = new ValType[64];
    private int height;
    private Frame[] frames = new Frame[16];
    private int depth;
    private ValType[] scratch = new ValType[8];
    /** Offset of the instruction being validated, for error messages. */
    int offset;
    /**
     * Operand types moved so far, against {@link #budget}. Multi-value types let one small
     * instruction move up to a thousand types (a call, a block, each br_table target), so without a
     * budget a crafted module could make validation take minutes.
     */
    private long work;
    private long budget = Long.MAX_VALUE;

    ValidationStacks(int maxHeight, int maxDepth) {
        this.maxHeight = maxHeight;
        this.maxDepth = maxDepth;
    }

    void reset() {
        height = 0;
        depth = 0;
    }

    /** Sets how many operand types all functions of the module may move together. */
    void budget(long maxWork) {
        budget = maxWork;
        work = 0;
    }

    private void charge(int types) {
        work += types;
        if (work > budget) {
            throw new ResourceLimitException(offset, "validation work limit exceeded: " + budget
                    + " operand types moved (multi-value types too large for the size of the code)");
        }
    }

    InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(offset, reason);
    }

    private InvalidModuleException mismatch(ValType expected, ValType actual) {
        return invalid("type mismatch: expected " + expected.text() + ", found " + (actual == null ? "nothing" : actual.text()));
    }

    void push(ValType type) {
        if (height >= maxHeight) {
            throw new ResourceLimitException(offset, "operand stack too high (limit " + maxHeight + ")");
        }
        if (height == values.length) {
            values = Arrays.copyOf(values, (int) Math.min((long) height * 2, maxHeight));
        }
        values[height++] = type;
    }

    void pushAll(List<ValType> types) {
        charge(types.size());
        for (int i = 0, n = types.size(); i < n; i++) {
            push(types.get(i));
        }
    }

    /** Pops any operand; null if the stack is polymorphic here. */
    ValType pop() {
        Frame frame = frames[depth - 1];
        if (height == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw invalid("type mismatch: operand stack is empty");
        }
        return values[--height];
    }

    /**
     * Pops an operand of type {@code expected} (null accepts any) and returns its actual type: null
     * when unknown.
     */
    ValType pop(ValType expected) {
        Frame frame = frames[depth - 1];
        if (height == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw mismatch(expected, null);
        }
        ValType actual = values[--height];
        if (actual != expected && actual != null && expected != null) {
            throw mismatch(expected, actual);
        }
        return actual;
    }

    /** Pops operands of {@code types}, last type first. */
    void popAll(List<ValType> types) {
        charge(types.size());
        for (int i = types.size() - 1; i >= 0; i--) {
            pop(types.get(i));
        }
    }

    /**
     * Pops {@code types} and pushes back what was popped, so unknown operands stay unknown
     * ({@code br_if} and the non-default labels of {@code br_table}).
     */
    void popAndRestore(List<ValType> types) {
        int n = types.size();
        charge(2 * n);
        if (scratch.length < n) {
            scratch = new ValType[n];
        }
        for (int i = n - 1; i >= 0; i--) {
            scratch[i] = pop(types.get(i));
        }
        for (int i = 0; i < n; i++) {
            push(scratch[i]);
        }
    }

    void pushFrame(Opcode opcode, List<ValType> startTypes, List<ValType> endTypes) {
        if (depth >= maxDepth) {
            throw new ResourceLimitException(offset, "blocks nested too deeply (limit " + maxDepth + ")");
        }
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, (int) Math.min((long) depth * 2, maxDepth));
        }
        Frame frame = frames[depth];
        if (frame == null) {
            frame = frames[depth] = new Frame();
        }
        frame.opcode = opcode;
        frame.startTypes = startTypes;
        frame.endTypes = endTypes;
        frame.height = height;
        frame.unreachable = false;
        depth++;
        pushAll(startTypes);
    }

    /** Pops the innermost frame after checking that exactly its results are on the stack. */
    Frame popFrame() {
        Frame frame = frames[depth - 1];
        popAll(frame.endTypes);
        if (height != frame.height) {
            throw invalid("type mismatch: " + (height - frame.height) + " values left on the stack at the end of "
                    + (depth == 1 ? "the function" : frame.opcode.text));
        }
        depth--;
        return frame;
    }

    /** The frame {@code label} levels out; the caller has checked {@code label < depth()}. */
    Frame frame(int label) {
        return frames[depth - 1 - label];
    }

    int depth() {
        return depth;
    }

    /** Marks the rest of the current block unreachable (§7.3: after br, return, unreachable...). */
    void unreachable() {
        Frame frame = frames[depth - 1];
        height = frame.height;
        frame.unreachable = true;
    }
}
