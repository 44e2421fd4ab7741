package gate.compiler.gen;

/**
 * What the single pass knows beyond the instruction it compiles: whether the next instruction
 * returns from the function or is a direct call (the dispatcher peeks at its opcode byte), and
 * which loop, if any, has run straight from its header so far. Code generation uses it to put a
 * value where its next user wants it, and to drop redundant suspend checks; it never changes
 * what the code computes.
 */
public final class Lookahead {
    private boolean returnsNext;
    private boolean callsNext;
    private int setsNext = -1;
    private ControlFrame straightLoop;

    /** Set before each instruction from the opcode byte that follows it. */
    public void next(boolean returnsNext, boolean callsNext) {
        this.returnsNext = returnsNext;
        this.callsNext = callsNext;
    }

    /**
     * Set before a call: the local that the instruction after it writes with {@code local.set}
     * or {@code local.tee} (which takes the call's result), or -1.
     */
    public void setsNext(int local) {
        setsNext = local;
    }

    /** The local the instruction after the current call writes, or -1 ({@link #setsNext(int)}). */
    public int setsNext() {
        return setsNext;
    }

    /** True if the next instruction returns (a {@code return}, or the function's final end). */
    public boolean returnsNext() {
        return returnsNext;
    }

    /** True if the next instruction is a direct call ({@link Operand.Offset}). */
    public boolean callsNext() {
        return callsNext;
    }

    /**
     * The loop whose body has run straight (no branch, block or end) since its header, or null;
     * a direct call of a defined function there marks it ({@link ControlFrame#markPolledByCall}).
     */
    public void straightLoop(ControlFrame loop) {
        straightLoop = loop;
    }

    /** A direct call of a defined function: see {@link #straightLoop}. */
    public void pollingCall() {
        if (straightLoop != null) {
            straightLoop.markPolledByCall();
            straightLoop = null;
        }
    }
}
