package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.CompiledProgram;
import gate.compiler.x86.RuntimeSlot;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A process that writes something other than a host call request on its fd 1 is no longer
 * trustworthy: the JVM kills it, and the run ends as INTERNAL_ERROR, not as the KILLED of that
 * kill. Compiled code never does this, so the test patches the code: the export's invoke thunk
 * writes 8 zero bytes of linear memory through the write slot, then spins.
 */
class GarbledRequestTest {
    /** (module (memory 1) (func (export "f"))). */
    private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0,
        1, 4, 1, 0x60, 0, 0, // type section: () -> ()
        3, 2, 1, 0, // function section
        5, 3, 1, 0, 1, // memory section: one memory of at least 1 page
        7, 5, 1, 1, 'f', 0, 0, // export "f" = function 0
        10, 4, 1, 2, 0, 0x0b}; // code section: an empty body

    @Test
    void aGarbledRequestEndsTheRunAsInternalError() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("garbled-programs")));
        try {
            Module module = Wasm.load(MODULE, WasmLimits.DEFAULT);
            CompiledProgram real = ((NativeProgram) engine.compile(module)).compiled();
            NativeProgram patched = new NativeProgram(engine, module, writesGarbage(real));
            try (Instance i = patched.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                TrapException e = assertThrows(TrapException.class, () -> i.invoke("f"));
                assertEquals(TrapId.INTERNAL_ERROR, e.trap());
                assertTrue(e.wasmStackTrace().get(0).contains("garbled host call request"),
                        String.valueOf(e.wasmStackTrace()));
            }
        } finally {
            engine.close();
        }
    }

    /** {@code real} with the thunk of "f" replaced by: write(memory[0..8)); jmp self. */
    private static CompiledProgram writesGarbage(CompiledProgram real) {
        int at = real.exports().get("f");
        byte[] text = real.text().clone();
        ByteBuffer code = ByteBuffer.wrap(text).order(ByteOrder.LITTLE_ENDIAN).position(at);
        code.put((byte) 0xbf).putInt(0); // mov edi, 0 (linear memory offset)
        code.put((byte) 0xbe).putInt(8); // mov esi, 8 (length)
        code.put((byte) 0xe8).putInt(RuntimeSlot.WRITE.textOffset() - (at + 15)); // call the write slot
        code.put((byte) 0xeb).put((byte) 0xfe); // jmp to itself until killed
        return new CompiledProgram(real.compilerVersion(), text, real.entry(), real.resume(), real.functions(),
                real.exports(), real.sites(), real.trapRanges(), real.area(), real.memoryPages(),
                real.maxMemoryPages(), real.foreignEntries(), real.functionThunks());
    }
}
