package gate.executor;

import gate.engine.TrapId;

/**
 * How an instance process ended: the container's typed DONE status (runtime.native DESIGN.md §3,
 * §7).
 *
 * @param kind what ended it
 * @param code EXIT: the program's exit code 0..3; TRAP: the {@link TrapId} number; SIGNAL: the
 *     signal; LOADER: the loader error code (10..49); otherwise the signal number
 * @param killRequested a KILL request was made for this instance
 * @param suspendRequested a SUSPEND request was made for this instance
 * @param cpuNanos CPU time the instance used
 */
public record ExitStatus(Kind kind, int code, boolean killRequested, boolean suspendRequested,
        long cpuNanos) {
    /** {@code GATE_EXIT_TRAP_BASE} and {@code GATE_TRAP_MAX} (protocol.h). */
    private static final int TRAP_EXIT_BASE = 100;
    private static final int TRAP_MAX = 30;

    /** {@code enum gate_status}, in wire order (1-based). */
    public enum Kind {
        /** The program exited through the runtime (returned or terminated). */
        EXIT,
        /** A trap, including SUSPENDED and CALL_STACK_EXHAUSTED. */
        TRAP,
        /** Killed on request. */
        KILLED,
        /** Killed by the kernel at the hard CPU limit. */
        CPU_LIMIT,
        /** Killed by seccomp for a forbidden system call. */
        SECCOMP,
        /** Any other signal (for example the OOM killer). */
        SIGNAL,
        /** The loader or runtime failed before or outside the program. */
        LOADER
    }

    static ExitStatus decode(int status, int code, int flags, long cpuNanos) {
        Kind[] kinds = Kind.values();
        Kind kind = status >= 1 && status <= kinds.length ? kinds[status - 1] : Kind.LOADER;
        return new ExitStatus(kind, code, (flags & 1) != 0, (flags & 2) != 0, cpuNanos);
    }

    /**
     * The status the container gives a process that exited with {@code exitCode} (runtime.native
     * util.c, DESIGN.md §7): a program exit 0..3, a trap 100..130, else a loader error. Used for
     * an end the JVM learns from the process's own channel ({@link InstanceProcess#endedEarly}).
     */
    static ExitStatus ofExitCode(int exitCode) {
        if (exitCode >= 0 && exitCode <= 3) {
            return new ExitStatus(Kind.EXIT, exitCode, false, false, 0);
        }
        if (exitCode >= TRAP_EXIT_BASE && exitCode <= TRAP_EXIT_BASE + TRAP_MAX) {
            return new ExitStatus(Kind.TRAP, exitCode - TRAP_EXIT_BASE, false, false, 0);
        }
        return new ExitStatus(Kind.LOADER, exitCode, false, false, 0);
    }

    /** Whether {@code other} tells the same end: kind and code (flags and CPU time aside). */
    boolean sameEnd(ExitStatus other) {
        return kind == other.kind && code == other.code;
    }

    /**
     * The trap this status means to an engine: null for a program exit; KILLED for a kill (on
     * request or at the CPU limit); INTERNAL_ERROR when the process died outside the program's
     * semantics (forbidden system call, other signal, loader failure).
     */
    public TrapId trap() {
        return switch (kind) {
            case EXIT -> null;
            case TRAP -> {
                TrapId t = TrapId.of(code);
                yield t == null || t == TrapId.EXIT ? TrapId.INTERNAL_ERROR : t;
            }
            case KILLED, CPU_LIMIT -> TrapId.KILLED;
            case SECCOMP, SIGNAL, LOADER -> TrapId.INTERNAL_ERROR;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXIT -> "exit " + code;
            case TRAP -> "trap " + (TrapId.of(code) == null ? code : TrapId.of(code).name());
            case SIGNAL -> "signal " + code;
            case LOADER -> "loader error " + code;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
