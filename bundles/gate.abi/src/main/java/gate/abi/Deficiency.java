package gate.abi;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;

/**
 * The host will not do what the program asks, and will not lie either (architecture reference
 * §3.7): the instance stops with the resumable {@link TrapId#ABI_DEFICIENCY} at the call, which is
 * retried if it is ever resumed. The reason goes to the debug output.
 */
final class Deficiency {
    private Deficiency() {}

    static TrapException of(InstancePipe pipe, String reason) {
        byte[] line = ("gate: ABI deficiency: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        pipe.debug(line, 0, line.length);
        return new TrapException(TrapId.ABI_DEFICIENCY);
    }
}
