package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.UnlinkableException;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A host memory imported by two native instances: writes of one are seen by the other and the host. */
class ImportedMemoryTest {
    @Test
    void sharedHostMemory() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("memory-programs")));
        try {
            Program program = engine.compile(NativeEngineTest.module("importmem"));
            MemoryExtern memory = engine.createMemory(new MemoryType(new Limits(1, 4)));
            try (Instance a = program.instantiate(imp -> memory, InstanceLimits.DEFAULT);
                    Instance b = program.instantiate(imp -> memory, InstanceLimits.DEFAULT)) {
                byte[] hi = new byte[2];
                memory.read(8, hi, 0, 2);
                assertEquals("hi", new String(hi, java.nio.charset.StandardCharsets.US_ASCII));
                a.invoke("store", 100, 0x12345678);
                assertArrayEquals(new long[] {0x12345678}, b.invoke("load", 100));
                assertArrayEquals(new long[] {1}, b.invoke("grow", 2));
                assertEquals(3 * 65536, memory.byteSize());
                a.invoke("store", 2 * 65536, 7);
                byte[] seven = new byte[1];
                memory.read(2 * 65536, seven, 0, 1);
                assertEquals(7, seven[0]);
            }
            MemoryExtern tooLarge = engine.createMemory(new MemoryType(new Limits(1, 8)));
            assertThrows(UnlinkableException.class, () -> program.instantiate(imp -> tooLarge, InstanceLimits.DEFAULT));
        } finally {
            engine.close();
        }
    }
}
