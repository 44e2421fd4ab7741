package gate.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs benchmarks on Chicory 1.7.5's interpreter (its default machine), for comparison with Gate's
 * engines in the same JVM. Function imports get the same kind of stubs as {@link WasiStubs}.
 */
final class ChicoryTarget implements BenchTarget {
    @Override
    public String name() {
        return "chicory";
    }

    @Override
    public Compiled compile(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        ImportValues imports = stubs(module);
        return function -> {
            Instance instance = Instance.builder(module).withImportValues(imports).withStart(false).build();
            if (exports(module, "_initialize")) {
                instance.export("_initialize").apply();
            }
            boolean i32 = instance.exportType(function).returns().equals(List.of(ValType.I32));
            return () -> {
                long[] results = instance.export(function).apply();
                if (results == null || results.length == 0) {
                    return 0;
                }
                return i32 ? results[0] & 0xffff_ffffL : results[0];
            };
        };
    }

    private static boolean exports(WasmModule module, String name) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            if (module.exportSection().getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static ImportValues stubs(WasmModule module) {
        List<HostFunction> functions = new ArrayList<>();
        module.importSection().stream().forEach(imp -> {
            if (imp instanceof FunctionImport f) {
                FunctionType type = module.typeSection().getType(f.typeIndex());
                functions.add(new HostFunction(imp.module(), imp.name(), type,
                        (instance, args) -> new long[type.returns().size()]));
            }
        });
        return ImportValues.builder().withFunctions(new ArrayList<>(functions)).build();
    }
}
