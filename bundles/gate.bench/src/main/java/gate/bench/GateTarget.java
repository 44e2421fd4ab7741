package gate.bench;

import gate.engine.Engine;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;

/** Runs benchmarks on a Gate engine through the engine SPI. */
public final class GateTarget implements BenchTarget {
    private final Engine engine;

    public GateTarget(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Compiled compile(byte[] wasm) {
        Module module = Wasm.load(wasm, WasmLimits.DEFAULT);
        Program program = engine.compile(module);
        return function -> {
            Instance instance = program.instantiate(new WasiStubs(module), InstanceLimits.DEFAULT);
            if (module.export("_initialize") != null) {
                instance.invoke("_initialize");
            }
            return () -> {
                try (instance) {
                    long[] results = instance.invoke(function);
                    return results.length == 0 ? 0 : results[0];
                }
            };
        };
    }
}
