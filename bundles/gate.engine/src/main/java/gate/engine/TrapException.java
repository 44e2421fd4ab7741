package gate.engine;

import gate.wasm.GateException;
import java.util.List;

/**
 * An execution stopped: a spec trap, an interruption, or the program's exit. Carries a WebAssembly
 * stack trace (innermost first, using names from the name section) when the engine has one.
 */
public final class TrapException extends GateException {
    private static final long serialVersionUID = 1L;

    private final TrapId trap;
    private final int exitCode;
    private final List<String> wasmStackTrace;

    public TrapException(TrapId trap) {
        this(trap, 0, List.of());
    }

    public TrapException(TrapId trap, int exitCode, List<String> wasmStackTrace) {
        super(trap == TrapId.EXIT ? "exit " + exitCode : trap.text);
        this.trap = trap;
        this.exitCode = exitCode;
        this.wasmStackTrace = List.copyOf(wasmStackTrace);
    }

    /** A program's request to end with a status ({@code proc_exit}). */
    public static TrapException exit(int code) {
        return new TrapException(TrapId.EXIT, code, List.of());
    }

    public TrapId trap() {
        return trap;
    }

    /** The status passed to exit; 0 for other traps. */
    public int exitCode() {
        return exitCode;
    }

    public List<String> wasmStackTrace() {
        return wasmStackTrace;
    }

    /** The same trap with a stack trace attached. */
    public TrapException withStackTrace(List<String> trace) {
        return new TrapException(trap, exitCode, trace);
    }
}
