package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.testing.MiniJson;
import gate.compiler.testing.ModuleRunner;
import gate.compiler.testing.NativeCode;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.interp.InterpreterEngine;
import gate.wasm.FuncType;
import gate.wasm.GateException;
import gate.wasm.Module;
import gate.wasm.ValType;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The spec suite's invocations (assert_return, assert_trap, assert_exhaustion, action) on
 * modules without imports, run on the compiled code and on the interpreter, which must agree
 * exactly (results, NaN-ness, trap ids). An invocation the interpreter answers with an
 * out-of-bounds memory trap is not run natively (the in-process harness cannot take a real
 * fault); the rest of that module's script is then skipped, as the states would differ.
 */
class SpecDifferentialTest {
    private static final Path SUITE = Path.of("/work/shared/wasm-testsuite/core");

    /** One module under test on both engines. */
    private static final class Pair implements AutoCloseable {
        final Module module;
        final ModuleRunner runner;
        final Instance interp;
        boolean diverged;

        Pair(Module module) {
            this.module = module;
            this.runner = new ModuleRunner(new Compiler(true).compile(module, -1), module);
            this.interp = new InterpreterEngine().compile(module)
                    .instantiate(Imports.NONE, InstanceLimits.DEFAULT);
        }

        @Override
        public void close() {
            runner.close();
            interp.close();
        }
    }

    private int compared;
    private int skipped;
    private final List<String> failures = new ArrayList<>();

    @Test
    void compiledCodeAgreesWithTheInterpreterOnTheSpecSuite() throws IOException {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        Assumptions.assumeTrue(Files.isDirectory(SUITE), "no spec test suite at " + SUITE);
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SUITE)) {
            scripts = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path script : scripts) {
            if (script.getFileName().toString().startsWith("simd")) {
                continue;
            }
            runScript(script);
        }
        System.out.printf("spec differential: %d invocations compared, %d skipped, %d differ%n",
                compared, skipped, failures.size());
        assertEquals(List.of(), failures.stream().limit(30).toList());
        assertTrue(compared > 10000, "only " + compared + " invocations compared");
    }

    @SuppressWarnings("unchecked")
    private void runScript(Path script) throws IOException {
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(Files.readString(script));
        Map<String, Pair> named = new HashMap<>();
        List<Pair> all = new ArrayList<>();
        Pair current = null;
        try {
            for (Object o : (List<Object>) json.get("commands")) {
                Map<String, Object> command = (Map<String, Object>) o;
                String type = (String) command.get("type");
                switch (type) {
                    case "module" -> {
                        current = load(script.resolveSibling((String) command.get("filename")));
                        if (current != null) {
                            all.add(current);
                            if (command.containsKey("name")) {
                                named.put((String) command.get("name"), current);
                            }
                        }
                    }
                    case "assert_return", "assert_trap", "assert_exhaustion", "action" -> {
                        Map<String, Object> action = (Map<String, Object>) command.get("action");
                        Pair target = action.containsKey("module")
                                ? named.get((String) action.get("module")) : current;
                        if (target == null || target.diverged
                                || !"invoke".equals(action.get("type"))) {
                            skipped++;
                            continue;
                        }
                        invoke(target, (String) action.get("field"),
                                (List<Object>) action.get("args"),
                                script.getFileName() + ":" + command.get("line"));
                    }
                    default -> {}
                }
            }
        } finally {
            for (Pair pair : all) {
                pair.close();
            }
        }
    }

    private static Pair load(Path file) throws IOException {
        try {
            Module module = Wasm.load(Files.readAllBytes(file), WasmLimits.DEFAULT);
            if (!module.imports().isEmpty()) {
                return null;
            }
            return new Pair(module);
        } catch (GateException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private void invoke(Pair pair, String field, List<Object> args, String where) {
        var export = pair.module.export(field);
        if (export == null) {
            skipped++;
            return;
        }
        FuncType type = pair.module.functionType(export.index());
        if (type.params().contains(ValType.V128) || type.results().contains(ValType.V128)) {
            skipped++;
            return;
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            Map<String, Object> arg = (Map<String, Object>) args.get(i);
            String value = (String) arg.get("value");
            values[i] = value.equals("null") ? -1 : Long.parseUnsignedLong(value);
        }
        String expected;
        try {
            expected = render(type, pair.interp.invoke(field, values));
        } catch (TrapException e) {
            if (e.trap() == TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS) {
                pair.diverged = true;
                skipped++;
                return;
            }
            expected = "trap " + e.trap().id;
        }
        ModuleRunner.Outcome outcome = pair.runner.invoke(field, values, type.results().size());
        String actual = outcome.trap() >= 0 ? "trap " + outcome.trap()
                : render(type, outcome.results());
        compared++;
        if (!expected.equals(actual)) {
            failures.add(where + " " + field + ": interp " + expected + ", compiled " + actual);
            pair.diverged = true;
        }
    }

    private static String render(FuncType type, long[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            text.append(switch (type.results().get(i)) {
                case I32 -> Long.toString(v & 0xffffffffL);
                case F32 -> Float.isNaN(Float.intBitsToFloat((int) v)) ? "nan"
                        : Long.toHexString(v & 0xffffffffL);
                case F64 -> Double.isNaN(Double.longBitsToDouble(v)) ? "nan" : Long.toHexString(v);
                default -> Long.toString(v);
            }).append(' ');
        }
        return text.toString();
    }
}
