package gate.interp;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.wasm.FuncType;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Loads the test modules (made from the .wat next to them with wat2wasm) and links host functions. */
final class TestModules {
    private TestModules() {}

    static final Engine ENGINE = new InterpreterEngine();

    static Module load(String name) {
        try (InputStream in = TestModules.class.getResourceAsStream(name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            return Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Program compile(String name) {
        return ENGINE.compile(load(name));
    }

    /** A host function without parameters or results. */
    static HostFunction action(Runnable body) {
        return new HostFunction(FuncType.of(List.of(), List.of()), (caller, args) -> {
            body.run();
            return new long[0];
        });
    }

    /** Imports from module "env" by field name. */
    static Imports env(Map<String, Extern> fields) {
        return imp -> imp.module().equals("env") ? fields.get(imp.name()) : null;
    }

    static Instance instantiate(String name) {
        return compile(name).instantiate(Imports.NONE, InstanceLimits.DEFAULT);
    }
}
