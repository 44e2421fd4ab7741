package gate.compiler.gen;

import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;

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
public record FrameLayout(int params, int declaredLocals) {
    /** rbp-relative displacement of parameter 0 and result 0. */
    public static final int RESULTS = 16;

    /** rbp-relative displacement of local {@code index} (parameters first). */
    public int localDisplacement(int index) {
        return index < params ? RESULTS + 8 * index : -8 * (index - params + 1);
    }

    /** Local {@code index}. */
    public Memory local(int index) {
        return Memory.at(Reg.RBP, localDisplacement(index));
    }

    /** rbp-relative displacement of operand slot {@code position} (0 = bottom). */
    public int operandDisplacement(int position) {
        return -8 * (declaredLocals + 1 + position);
    }

    /** Operand slot {@code position}. */
    public Memory operand(int position) {
        return Memory.at(Reg.RBP, operandDisplacement(position));
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
