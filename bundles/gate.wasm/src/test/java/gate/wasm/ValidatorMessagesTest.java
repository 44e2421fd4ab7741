package gate.wasm;

import static gate.wasm.TestModules.concat;
import static gate.wasm.TestModules.module;
import static gate.wasm.TestModules.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Rejections say what is wrong and where, in terms a person can act on. */
class ValidatorMessagesTest {
    @Test
    void bodyErrorsNameTheFunction() {
        byte[] names = concat(of(0x04), "name".getBytes(), of(0x01, 0x07, 0x01, 0x01, 0x04, 'm', 'a', 'i', 'n'));
        // function 1 is [] -> [] but adds an i32 to an i64
        byte[] bytes = module().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x02, 0x00, 0x00)
                .section(10, 0x02, 0x02, 0x00, 0x0b, 0x08, 0x00, 0x41, 0x01, 0x42, 0x01, 0x6a, 0x1a, 0x0b)
                .section(0, names).build();
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Wasm.load(bytes, WasmLimits.DEFAULT));
        assertEquals("type mismatch: expected i32, found i64 (in function 1 \"main\")", e.reason());
        assertEquals(31, e.offset()); // the i32.add
        assertEquals("invalid module at offset 31: " + e.reason(), e.getMessage());
    }

    @Test
    void moduleErrorsPointAtTheirEntry() {
        byte[] bytes = module().section(5, 0x01, 0x00, 0x81, 0x80, 0x04).build();
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Wasm.load(bytes, WasmLimits.DEFAULT));
        assertEquals("memory size must be at most 65536 pages (4GiB)", e.reason());
        assertEquals(11, e.offset()); // section id, size, count, then the memory
        // an imported memory (entry 1 of the import section) and a defined one: the second is refused
        byte[] two = module()
                .section(2, 0x02, 0x01, 'a', 0x01, 'b', 0x03, 0x7f, 0x00, 0x01, 'a', 0x01, 'm', 0x02, 0x00, 0x01)
                .section(5, 0x01, 0x00, 0x01)
                .section(7, 0x02, 0x01, 'x', 0x02, 0x00, 0x01, 'x', 0x03, 0x00)
                .build();
        e = assertThrows(InvalidModuleException.class, () -> Wasm.load(two, WasmLimits.DEFAULT));
        assertEquals("multiple memories: 2 (WebAssembly 2.0 allows one)", e.reason());
        assertEquals(28, e.offset()); // memory section at 25: id, size, count, then the memory
        byte[] onlyDuplicate = module()
                .section(2, 0x02, 0x01, 'a', 0x01, 'b', 0x03, 0x7f, 0x00, 0x01, 'a', 0x01, 'm', 0x02, 0x00, 0x01)
                .section(7, 0x02, 0x01, 'x', 0x02, 0x00, 0x01, 'x', 0x03, 0x00)
                .build();
        e = assertThrows(InvalidModuleException.class, () -> Wasm.load(onlyDuplicate, WasmLimits.DEFAULT));
        assertEquals("duplicate export name \"x\"", e.reason());
        assertEquals(32, e.offset()); // export section at 25: id, size, count, 4 bytes of export 0
    }
}
