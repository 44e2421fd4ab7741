package gate.runtime;

import gate.engine.Engine;
import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.interp.InterpreterEngine;
import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import java.util.concurrent.atomic.AtomicInteger;

/** The interpreter under another name, counting the programs it compiles. */
final class CountingEngine implements Engine {
    private final Engine interp = new InterpreterEngine();
    private final AtomicInteger compiled = new AtomicInteger();
    private final String name;

    CountingEngine(String name) {
        this.name = name;
    }

    /** Programs compiled so far. */
    int compiled() {
        return compiled.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Program compile(Module module) {
        compiled.incrementAndGet();
        return interp.compile(module);
    }

    @Override
    public MemoryExtern createMemory(MemoryType type) {
        return interp.createMemory(type);
    }

    @Override
    public TableExtern createTable(TableType type) {
        return interp.createTable(type);
    }

    @Override
    public GlobalExtern createGlobal(GlobalType type, long value) {
        return interp.createGlobal(type, value);
    }
}
