package gate.compiler.gen;

/** What happens at a mapped text offset (see {@link Site}). */
public enum SiteKind {
    /** Return address of a call to a function: the caller's frame while the callee runs. */
    CALL,
    /**
     * Return address of the function-entry stack check's trap call (CALL_STACK_EXHAUSTED, or
     * SUSPENDED when a suspend is pending): rbp is set, rsp = rbp, locals not yet initialised.
     * Resuming continues right after the call.
     */
    ENTRY,
    /**
     * Return address of a loop header's suspend check: every operand is in its slot. Resuming
     * continues right after the call, at the loop body's first instruction.
     */
    LOOP,
    /**
     * Return address of the trap call in the stub of an imported function: the caller's frame
     * is one level up, at a {@link #CALL} site.
     */
    IMPORT
}
