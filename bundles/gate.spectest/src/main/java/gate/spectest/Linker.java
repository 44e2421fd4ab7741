package gate.spectest;

import gate.engine.Extern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.wasm.Import;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The import namespace of one script: host modules plus the instances that {@code register}
 * commands made importable. Confined to the thread that runs the script.
 */
final class Linker implements Imports {
    private final Map<String, Function<String, Extern>> modules = new HashMap<>();

    void addHostModule(String name, Map<String, Extern> exports) {
        modules.put(name, exports::get);
    }

    void register(String name, Instance instance) {
        modules.put(name, instance::export);
    }

    @Override
    public Extern resolve(Import imp) {
        Function<String, Extern> module = modules.get(imp.module());
        return module == null ? null : module.apply(imp.name());
    }
}
