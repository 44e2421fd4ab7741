package gate.bench;

import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.TrapException;
import gate.engine.Values;
import gate.wasm.FuncType;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;

/**
 * Host functions for whatever WASI (or other) function imports a benchmark happens to have:
 * {@code proc_exit} ends the run, every other function returns zeros except an errno of {@code
 * ENOSYS} (52) when it returns one i32, as WASI functions do. Benchmarks should have no imports;
 * this only keeps a stray one from making a kernel unrunnable.
 */
final class WasiStubs implements Imports {
    private static final long ENOSYS = 52;

    private final Module module;

    WasiStubs(Module module) {
        this.module = module;
    }

    @Override
    public Extern resolve(Import imp) {
        if (!(imp.desc() instanceof ImportDesc.Func f)) {
            return null;
        }
        FuncType type = module.types().get(f.typeIndex());
        if (imp.name().equals("proc_exit")) {
            return new HostFunction(type, (caller, args) -> {
                throw TrapException.exit(Values.asI32(args[0]));
            });
        }
        boolean wasi = imp.module().startsWith("wasi");
        return new HostFunction(type, (caller, args) -> {
            long[] results = new long[type.results().size()];
            if (wasi && results.length == 1) {
                results[0] = ENOSYS;
            }
            return results;
        });
    }
}
