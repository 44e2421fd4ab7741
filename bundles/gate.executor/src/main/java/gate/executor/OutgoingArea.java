package gate.executor;

import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The arguments and results of a call stopped in an import or foreign stub (gate.compiler
 * RUNTIME-NEEDS.md §3-4): slot k at {@code sp + 24 + 8k} of the stack region, i32 and f32 in the
 * low half. The stack pointer comes from the vars page, which the sandbox can write: it is
 * checked against the stack before use.
 */
final class OutgoingArea {
    private OutgoingArea() {}

    static long[] arguments(StateFile state, FuncType type, long sp) throws IOException {
        int n = Math.max(type.params().size(), type.results().size());
        if (sp < 0 || sp + 24 + 8L * n > state.layout().stackSize()) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("stack pointer outside the stack"));
        }
        ByteBuffer area = ByteBuffer.wrap(state.readStack(sp + 24, 8 * n)).order(ByteOrder.LITTLE_ENDIAN);
        long[] args = new long[type.params().size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = SlotValue.of(type.params().get(k), area.getLong(8 * k));
        }
        return args;
    }

    /** Writes {@code results} (checked against {@code type}: a host function may break it). */
    static void results(StateFile state, FuncType type, long[] results, long sp, String what) throws IOException {
        if (results == null || results.length != type.results().size()) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of(what + " returned the wrong number of results"));
        }
        ByteBuffer out = ByteBuffer.allocate(8 * results.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < results.length; k++) {
            out.putLong(SlotValue.of(type.results().get(k), results[k]));
        }
        state.writeStack(sp + 24, out.array());
    }
}
