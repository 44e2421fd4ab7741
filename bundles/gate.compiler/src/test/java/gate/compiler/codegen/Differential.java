package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.compiler.testing.ModuleRunner;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.TrapException;
import gate.interp.InterpreterEngine;
import gate.wasm.FuncType;
import gate.wasm.Module;
import gate.wasm.ValType;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Runs the same invocations on the compiled code and on the interpreter and compares results
 * (NaNs compare equal whatever their payload, core §4.3.3 nondeterminism) or trap ids.
 */
final class Differential implements AutoCloseable {
    final Module module;
    final CompiledProgram program;
    private final ModuleRunner runner;
    private final Instance interp;
    int compared;

    Differential(String resource) throws IOException {
        byte[] bytes;
        try (InputStream in = Differential.class.getResourceAsStream("/" + resource)) {
            bytes = in.readAllBytes();
        }
        module = Wasm.load(bytes, WasmLimits.DEFAULT);
        program = new Compiler(true).compile(module, -1);
        runner = new ModuleRunner(program, module);
        interp = new InterpreterEngine().compile(module)
                .instantiate(Imports.NONE, InstanceLimits.DEFAULT);
    }

    /** The compiled side, for tests that also suspend and resume it. */
    ModuleRunner runner() {
        return runner;
    }

    FuncType type(String export) {
        return module.functionType(module.export(export).index());
    }

    /** Invokes on both engines and asserts the same outcome. */
    void check(String export, long... args) {
        FuncType type = type(export);
        String expected;
        try {
            expected = render(type, interp.invoke(export, args));
        } catch (TrapException e) {
            expected = "trap " + e.trap().id;
        }
        ModuleRunner.Outcome outcome = runner.invoke(export, args, type.results().size());
        String actual = outcome.trap() >= 0 ? "trap " + outcome.trap()
                : render(type, outcome.results());
        assertEquals(expected, actual, export + Arrays.toString(args));
        compared++;
    }

    private static String render(FuncType type, long[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            ValType t = type.results().get(i);
            long v = values[i];
            String s = switch (t) {
                case I32 -> Integer.toString((int) v);
                case F32 -> Float.isNaN(Float.intBitsToFloat((int) v)) ? "nan"
                        : Integer.toHexString((int) v);
                case F64 -> Double.isNaN(Double.longBitsToDouble(v)) ? "nan" : Long.toHexString(v);
                default -> Long.toString(v);
            };
            text.append(s).append(' ');
        }
        return text.toString();
    }

    @Override
    public void close() {
        runner.close();
        interp.close();
    }
}
