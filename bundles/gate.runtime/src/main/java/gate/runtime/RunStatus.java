package gate.runtime;

import gate.engine.TrapId;
import java.util.List;
import java.util.Map;

/** How a program instance ended (architecture reference §7.6). */
public sealed interface RunStatus {
    /** The entry function returned normally. */
    record Returned(List<Long> results) implements RunStatus {
        public Returned {
            results = List.copyOf(results);
        }
    }

    /** The program called {@code proc_exit}. */
    record Exited(int code) implements RunStatus {}

    /**
     * Execution stopped on a trap (including {@link TrapId#KILLED} and {@link TrapId#ABI_VIOLATION}).
     *
     * @param message what happened, safe to show to the program's owner
     */
    record Trapped(TrapId trap, String message) implements RunStatus {}

    /**
     * The instance was suspended; its service states are ready for a snapshot.
     *
     * @param serviceStates what each discovered service's {@code suspend()} returned, by name
     */
    record Suspended(Map<String, byte[]> serviceStates) implements RunStatus {
        public Suspended {
            serviceStates = Map.copyOf(serviceStates);
        }
    }

    /**
     * The module was not accepted: malformed, invalid, over a limit, or not linkable against the
     * ABI. Nothing ran.
     */
    record Rejected(String message) implements RunStatus {}
}
