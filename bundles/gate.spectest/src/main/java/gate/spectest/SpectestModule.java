package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Values;
import gate.wasm.FuncType;
import gate.wasm.GlobalType;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spectest} host module that the scripts import from, as the spec interpreter defines
 * it ({@code interpreter/host/spectest.ml}): print functions that do nothing visible, four
 * immutable globals, a funcref table of 10..20 elements and a memory of 1..2 pages. Each script
 * gets a fresh one, because the table and memory are mutable shared state.
 */
final class SpectestModule {
    private SpectestModule() {}

    /** Creates the exports with {@code engine}'s own tables, memories and globals. */
    static Map<String, Extern> create(Engine engine) {
        Map<String, Extern> exports = new HashMap<>();
        exports.put("print", print());
        exports.put("print_i32", print(ValType.I32));
        exports.put("print_i64", print(ValType.I64));
        exports.put("print_f32", print(ValType.F32));
        exports.put("print_f64", print(ValType.F64));
        exports.put("print_i32_f32", print(ValType.I32, ValType.F32));
        exports.put("print_f64_f64", print(ValType.F64, ValType.F64));
        exports.put("global_i32", engine.createGlobal(new GlobalType(ValType.I32, false), Values.i32(666)));
        exports.put("global_i64", engine.createGlobal(new GlobalType(ValType.I64, false), 666L));
        exports.put("global_f32", engine.createGlobal(new GlobalType(ValType.F32, false), Values.f32(666.6f)));
        exports.put("global_f64", engine.createGlobal(new GlobalType(ValType.F64, false), Values.f64(666.6)));
        exports.put("table", engine.createTable(new TableType(ValType.FUNCREF, new Limits(10, 20))));
        exports.put("memory", engine.createMemory(new MemoryType(new Limits(1, 2))));
        return exports;
    }

    private static HostFunction print(ValType... params) {
        // Nobody checks what the print functions print; they only have to exist with these types.
        return new HostFunction(FuncType.of(List.of(params), List.of()), (caller, args) -> new long[0]);
    }
}
