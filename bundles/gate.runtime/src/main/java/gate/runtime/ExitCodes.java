package gate.runtime;

/**
 * Exit statuses of {@code gate run} that are not the program's own (chosen above the codes
 * programs commonly pass to {@code proc_exit}, in the region shells reserve).
 */
public final class ExitCodes {
    /** Usage error, or the engine asked for is not available. */
    public static final int USAGE = 124;
    /** A trap, an ABI violation, or the instance was killed. */
    public static final int TRAP = 125;
    /** The module was rejected. */
    public static final int REJECTED = 126;
    /** The file does not exist or cannot be read. */
    public static final int NOT_FOUND = 127;

    private ExitCodes() {}

    /** The process exit status for a program's end. */
    public static int of(RunStatus status) {
        return switch (status) {
            case RunStatus.Returned r -> 0;
            case RunStatus.Exited e -> e.code();
            case RunStatus.Trapped t -> TRAP;
            case RunStatus.Suspended s -> TRAP;
            case RunStatus.Rejected r -> REJECTED;
        };
    }
}
