package gate.interp;

import gate.engine.Engine;
import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import gate.wasm.ValType;
import org.osgi.service.component.annotations.Component;

/**
 * The portable interpreter engine ({@code interp}): runs WebAssembly 2.0 core (without SIMD) on
 * any JVM. Thread-safe and stateless; found through {@link java.util.ServiceLoader} and, in OSGi,
 * as a DS component (the annotation is build-time only, so the engine runs without OSGi).
 */
@Component(service = Engine.class, property = "gate.engine.name=interp")
public final class InterpreterEngine implements Engine {
    /** The name on command lines and in service properties. */
    public static final String NAME = "interp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Program compile(Module module) {
        for (var t : module.types()) {
            if (t.params().contains(ValType.V128) || t.results().contains(ValType.V128)) {
                throw new ResourceLimitException(-1, "the interpreter does not support SIMD (v128)");
            }
        }
        return new InterpProgram(module);
    }

    @Override
    public MemoryExtern createMemory(MemoryType type) {
        return new Memory(type, Memory.MAX_PAGES);
    }

    @Override
    public TableExtern createTable(TableType type) {
        return new Table(type);
    }

    @Override
    public GlobalExtern createGlobal(GlobalType type, long value) {
        if (type.type() == ValType.FUNCREF && value != gate.engine.Values.NULL_REF) {
            throw new IllegalArgumentException("a host funcref global can only start as null");
        }
        GlobalCell cell = new GlobalCell(type);
        if (type.type() != ValType.FUNCREF) {
            cell.value = value;
        }
        return cell;
    }
}
