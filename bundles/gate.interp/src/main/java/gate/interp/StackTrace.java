package gate.interp;

import gate.wasm.Names;
import java.util.ArrayList;
import java.util.List;

/** The WebAssembly stack trace of a trap: function names, innermost first, down to the run's start. */
final class StackTrace {
    private StackTrace() {}

    /** Enough to see where a trap came from without building huge traces for deep recursion. */
    private static final int MAX_ENTRIES = 32;

    static List<String> of(InterpInstance in, int innermost, int depth) {
        Names names = in.program.module().names();
        Names n = names == null ? Names.EMPTY : names;
        List<String> trace = new ArrayList<>();
        trace.add(n.function(innermost));
        for (int d = depth - 1; d >= 0 && trace.size() < MAX_ENTRIES; d--) {
            int fn = in.frames[d * 3];
            if (fn < 0) {
                break;
            }
            trace.add(n.function(fn));
        }
        return trace;
    }
}
