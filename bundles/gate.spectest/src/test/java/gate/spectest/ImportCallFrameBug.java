package gate.spectest;

import gate.engine.InstanceState;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import java.util.List;

/**
 * A known bug of the native engine, recognised exactly so that the cross-engine test can step
 * around it (and count it) instead of failing CI while it is open: native {@code Program.restore}
 * refuses a state whose innermost frame is at a {@code call} of an imported function, which the
 * interpreter makes when it suspends before a host call and which {@link InstanceState.Frame}
 * allows ("a call of an imported function to be retried"). gate.executor's {@code
 * StackBuilder.site} accepts only loop headers and function entries and throws {@code
 * InvalidStateException: function F offset O is not a suspension point of the native code}.
 * {@code -Dgate.cross.strict=true} turns it back into a failure.
 */
final class ImportCallFrameBug {
    private static final int CALL = 0x10;

    private ImportCallFrameBug() {}

    static boolean strict() {
        return Boolean.getBoolean("gate.cross.strict");
    }

    /** Whether {@code state}'s innermost frame is at a {@code call} of an imported function. */
    static boolean matches(Module module, InstanceState state, String engineName, RuntimeException error) {
        List<InstanceState.Frame> stack = state.stack();
        if (!engineName.equals("native") || stack.isEmpty() || error.getMessage() == null
                || !error.getMessage().contains("is not a suspension point of the native code")) {
            return false;
        }
        InstanceState.Frame top = stack.get(stack.size() - 1);
        int defined = top.functionIndex() - module.importedFunctionCount();
        if (defined < 0 || defined >= module.code().size()) {
            return false;
        }
        FunctionBody body = module.code().get(defined);
        int at = body.bodyStart() + top.codeOffset();
        byte[] bytes = module.bytes();
        if (at < body.codeStart() || at >= body.end() || (bytes[at] & 0xff) != CALL) {
            return false;
        }
        long callee = 0;
        int shift = 0;
        for (int i = at + 1; i < body.end() && shift < 35; i++, shift += 7) {
            callee |= (long) (bytes[i] & 0x7f) << shift;
            if ((bytes[i] & 0x80) == 0) {
                return callee < module.importedFunctionCount();
            }
        }
        return false;
    }
}
