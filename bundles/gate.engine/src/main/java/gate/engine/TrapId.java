package gate.engine;

/**
 * Why an execution stopped. The numbers are part of Gate's ABI (exit statuses 100+id of native
 * executors, snapshot headers) and never change; they follow the original Gate where it has the
 * same trap. Messages are the spec interpreter's wording, which the conformance suite checks.
 */
public enum TrapId {
    EXIT(0, "exit", false),
    /** A table slot holds no function (spec: uninitialized element). */
    NO_FUNCTION(1, "uninitialized element", false),
    SUSPENDED(2, "suspended", true),
    UNREACHABLE(3, "unreachable", false),
    CALL_STACK_EXHAUSTED(4, "call stack exhausted", true),
    MEMORY_ACCESS_OUT_OF_BOUNDS(5, "out of bounds memory access", false),
    /** call_indirect index beyond the table (spec: undefined element). */
    INDIRECT_CALL_INDEX_OUT_OF_BOUNDS(6, "undefined element", false),
    INDIRECT_CALL_SIGNATURE_MISMATCH(7, "indirect call type mismatch", false),
    INTEGER_DIVIDE_BY_ZERO(8, "integer divide by zero", false),
    INTEGER_OVERFLOW(9, "integer overflow", false),
    BREAKPOINT(10, "breakpoint", true),
    INVALID_CONVERSION_TO_INTEGER(11, "invalid conversion to integer", false),
    TABLE_ACCESS_OUT_OF_BOUNDS(12, "out of bounds table access", false),
    /** The program asked for something the host will not do now; resumable later. */
    ABI_DEFICIENCY(27, "ABI deficiency", true),
    /** The program broke the packet or WASI ABI (bad pointer, bad packet). */
    ABI_VIOLATION(28, "ABI violation", false),
    INTERNAL_ERROR(29, "internal error", false),
    KILLED(30, "killed", false);

    /** Stable number of this trap. */
    public final int id;
    /** Spec wording, used as the trap message. */
    public final String text;
    /** Whether execution can continue from where it stopped. */
    public final boolean resumable;

    TrapId(int id, String text, boolean resumable) {
        this.id = id;
        this.text = text;
        this.resumable = resumable;
    }

    /** The trap with this number, or null. */
    public static TrapId of(int id) {
        for (TrapId t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }
}
