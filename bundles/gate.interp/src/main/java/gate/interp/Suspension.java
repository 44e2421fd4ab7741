package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.Arrays;

/**
 * Stopping at a suspension point (function entry, loop head, import call) when {@link
 * InterpInstance#interrupt} asked for it. A suspended run keeps its frame records, plus one for
 * the innermost activation, so {@link Interpreter#resume} and {@link StateCapture} find it there.
 */
final class Suspension {
    private Suspension() {}

    /**
     * Acts on the pending interrupt request at a suspension point of activation ({@code fn},
     * {@code pc}, {@code fp}, {@code sp}); {@code in.depth} must be current. Throws the trap that
     * stops the run, or returns to let it continue. Only the outermost run of an instance can be
     * suspended: a run nested in a host call has Java frames that no state can hold, so a
     * suspension request stays pending until the outer run reaches a suspension point (a kill
     * request acts at once).
     */
    static void check(InterpInstance in, int fn, int pc, int fp, int sp) {
        TrapId reason = in.interruptRequest;
        if (reason == TrapId.KILLED) {
            throw new TrapException(TrapId.KILLED);
        }
        if (reason == null || in.nesting != 1) {
            return;
        }
        in.interruptRequest = null;
        record(in, fn, pc, fp, sp);
        throw new TrapException(TrapId.SUSPENDED);
    }

    /** Keeps the innermost activation as the top record and marks the instance suspended. */
    static void record(InterpInstance in, int fn, int pc, int fp, int sp) {
        int r = in.depth * 3;
        if (r == in.frames.length) {
            in.frames = Arrays.copyOf(in.frames, r + 3);
        }
        in.frames[r] = fn;
        in.frames[r + 1] = pc;
        in.frames[r + 2] = fp;
        in.depth++;
        in.suspendedSp = sp;
        in.suspended = true;
    }
}
