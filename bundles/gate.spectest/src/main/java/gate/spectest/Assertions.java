package gate.spectest;

import gate.engine.Instance;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.engine.UnlinkableException;
import gate.wasm.InvalidModuleException;
import gate.wasm.MalformedModuleException;
import gate.wasm.Module;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Executes one command against a {@link Store} and judges it. Error categories are checked by
 * exception type; trap texts by prefix (an engine's message may add detail, and the script's text
 * may carry a trailing detail such as an element index). Confined to the script's worker thread.
 */
final class Assertions {
    private final Script script;
    private final Store store;

    Assertions(Script script, Store store) {
        this.script = script;
        this.store = store;
    }

    Outcome run(Command c) throws IOException {
        return switch (c.type()) {
            case "module" -> module(c);
            case "register" -> {
                store.register(c.as(), c.name());
                yield Outcome.UNCOUNTED;
            }
            case "action" -> {
                store.perform(c.action());
                yield Outcome.PASS;
            }
            case "assert_return" -> assertReturn(c);
            case "assert_trap" -> assertTrap(c, false);
            case "assert_exhaustion" -> assertTrap(c, true);
            case "assert_invalid" -> assertRejected(c, InvalidModuleException.class);
            case "assert_malformed" -> "text".equals(c.moduleType())
                    ? Outcome.skip("text module (.wat) is not parsed")
                    : assertRejected(c, MalformedModuleException.class);
            case "assert_unlinkable" -> assertNotInstantiable(c, UnlinkableException.class);
            case "assert_uninstantiable" -> assertNotInstantiable(c, UninstantiableException.class);
            default -> Outcome.skip("unknown command type " + c.type());
        };
    }

    private Outcome module(Command c) throws IOException {
        Instance instance = store.instantiate(store.compile(Store.load(script.readModule(c.filename()))));
        store.define(c.name(), instance);
        return Outcome.PASS;
    }

    private Outcome assertReturn(Command c) {
        long[] got = store.perform(c.action());
        List<WasmValue> expected = c.expected();
        if (got.length != expected.size()) {
            return Outcome.fail("expected " + expected + ", got " + got.length + " results " + Arrays.toString(got));
        }
        for (int i = 0; i < got.length; i++) {
            String mismatch = ValueCodec.mismatch(expected.get(i), got[i]);
            if (mismatch != null) {
                return Outcome.fail("result " + i + ": " + mismatch);
            }
        }
        return Outcome.PASS;
    }

    private Outcome assertTrap(Command c, boolean exhaustion) {
        long[] got;
        try {
            got = store.perform(c.action());
        } catch (TrapException e) {
            if (exhaustion && e.trap() != TrapId.CALL_STACK_EXHAUSTED) {
                return Outcome.fail("expected call stack exhaustion, got trap " + e.trap() + ": " + e.getMessage());
            }
            return textMatches(c.text(), e.getMessage())
                    ? Outcome.PASS
                    : Outcome.fail("expected trap \"" + c.text() + "\", got \"" + e.getMessage() + "\"");
        }
        return Outcome.fail("expected trap \"" + c.text() + "\", got results " + Arrays.toString(got));
    }

    private Outcome assertRejected(Command c, Class<? extends Exception> expected) throws IOException {
        Module module;
        try {
            module = Store.load(script.readModule(c.filename()));
        } catch (InvalidModuleException | MalformedModuleException e) {
            return expected.isInstance(e)
                    ? Outcome.PASS
                    : Outcome.fail("expected " + expected.getSimpleName() + " (\"" + c.text() + "\"), got " + e);
        }
        return Outcome.fail("expected " + expected.getSimpleName() + " (\"" + c.text() + "\"), but the module "
                + "was accepted (" + module.functionTypes().size() + " functions)");
    }

    private Outcome assertNotInstantiable(Command c, Class<? extends Exception> expected) throws IOException {
        Program program = store.compile(Store.load(script.readModule(c.filename())));
        try {
            store.instantiate(program);
        } catch (UnlinkableException | UninstantiableException e) {
            if (!expected.isInstance(e)) {
                return Outcome.fail("expected " + expected.getSimpleName() + " (\"" + c.text() + "\"), got " + e);
            }
            String cause = e.getCause() == null ? null : e.getCause().getMessage();
            return textMatches(c.text(), e.getMessage()) || textMatches(c.text(), cause)
                    ? Outcome.PASS
                    : Outcome.fail("expected \"" + c.text() + "\", got \"" + e.getMessage() + "\""
                            + (cause == null ? "" : " caused by \"" + cause + "\""));
        }
        return Outcome.fail("expected " + expected.getSimpleName() + " (\"" + c.text() + "\"), but it instantiated");
    }

    /**
     * True when the engine's message starts with the expected text, or the expected text is the
     * message plus a numeric detail ({@code "uninitialized element 2"} for {@code "uninitialized
     * element"}), which the spec interpreter adds and engines need not.
     */
    static boolean textMatches(String expected, String got) {
        if (got == null || got.isEmpty()) {
            return false;
        }
        return got.startsWith(expected)
                || expected.startsWith(got + " ") && expected.substring(got.length() + 1).matches("\\d+");
    }
}
