package gate.abi;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;

/**
 * Ends a program that broke the ABI (architecture reference §1.9). The reason goes to the debug
 * output first, so the program's owner learns what was wrong; the trap itself carries only the
 * stable {@link TrapId#ABI_VIOLATION}.
 */
final class Violation {
    private Violation() {}

    static TrapException of(InstancePipe pipe, String reason) {
        byte[] line = ("gate: ABI violation: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        pipe.debug(line, 0, line.length);
        return new TrapException(TrapId.ABI_VIOLATION);
    }
}
