package gate.compiler.gen;

import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.wasm.ValType;
import java.util.List;

/**
 * The stack frame of a compiled function, addressed from rbp (frame pointer) so that the offsets
 * are known in a single pass before the frame size is:
 *
 * <pre>
 * rbp + 16 + 8·k       parameter k, and on return result k (the caller's outgoing area)
 * rbp + 8              return address
 * rbp                  caller's rbp
 * rbp - 8·(j + 1)      declared local j (local index params + j)
 * rbp - 8·(L + 1 + i)  operand stack slot i (L = declared locals)
 * rsp + 8·k            outgoing area: arguments and results of calls this function makes
 * </pre>
 *
 * Every slot is 8 bytes; i32 and f32 values occupy the low half.
 */
public final class FrameLayout {
    /** rbp-relative displacement of parameter 0 and result 0. */
    public static final int RESULTS = 16;

    /**
     * True if a function with these results also returns its result in rax: exactly one
     * result of an integer or reference type (zero-extended for i32). The result slot is
     * written as well.
     */
    public static boolean resultInRax(List<ValType> results) {
        return results.size() == 1 && !Operand.isFloat(results.get(0));
    }

    private final int params;
    private final int declaredLocals;
    /** Operands built once per slot: the code generator asks for them constantly. */
    private final Memory[] locals;
    private Memory[] operands = new Memory[16];
    /** True while code runs without a frame (GuardShape): no slot exists then. */
    private boolean frameless;

    public FrameLayout(int params, int declaredLocals) {
        this.params = params;
        this.declaredLocals = declaredLocals;
        this.locals = new Memory[params + declaredLocals];
    }

    public int params() {
        return params;
    }

    public int declaredLocals() {
        return declaredLocals;
    }

    /** rbp-relative displacement of local {@code index} (parameters first). */
    public int localDisplacement(int index) {
        return index < params ? RESULTS + 8 * index : -8 * (index - params + 1);
    }

    /**
     * Marks whether the code being emitted runs without a frame (rbp is the caller's): asking
     * for a slot then is a code generator bug, reported rather than miscompiled.
     */
    public void frameless(boolean value) {
        frameless = value;
    }

    public boolean isFrameless() {
        return frameless;
    }

    private void requireFrame() {
        if (frameless) {
            throw new IllegalStateException("frame slot used in code without a frame");
        }
    }

    /** Local {@code index}. */
    public Memory local(int index) {
        requireFrame();
        Memory memory = locals[index];
        if (memory == null) {
            memory = Memory.at(Reg.RBP, localDisplacement(index));
            locals[index] = memory;
        }
        return memory;
    }

    /** rbp-relative displacement of operand slot {@code position} (0 = bottom). */
    public int operandDisplacement(int position) {
        return -8 * (declaredLocals + 1 + position);
    }

    /** Operand slot {@code position}. */
    public Memory operand(int position) {
        requireFrame();
        if (position >= operands.length) {
            operands = java.util.Arrays.copyOf(operands, Math.max(position + 1,
                    operands.length * 2));
        }
        Memory memory = operands[position];
        if (memory == null) {
            memory = Memory.at(Reg.RBP, operandDisplacement(position));
            operands[position] = memory;
        }
        return memory;
    }

    /** Slot k of the outgoing area (arguments and results of calls). */
    public static Memory outgoing(int k) {
        return Memory.at(Reg.RSP, 8 * k);
    }

    /**
     * Bytes to subtract from rsp after {@code push rbp}: locals, operands and the outgoing area,
     * rounded up to keep rsp 16-byte aligned at calls.
     */
    public int frameSize(int maxOperands, int outgoingSlots) {
        long bytes = 8L * (declaredLocals + maxOperands + outgoingSlots);
        return (int) ((bytes + 15) & ~15L);
    }
}
