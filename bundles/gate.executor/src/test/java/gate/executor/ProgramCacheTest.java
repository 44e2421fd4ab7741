package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.wasm.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCacheTest {
    @Test
    void secondCompileIsACacheHitAndCorruptEntriesAreRecompiled(@TempDir Path dir) throws Exception {
        Module module = NativeEngineTest.module("basic");
        ProgramCache cache = new ProgramCache(dir);
        AtomicInteger compiles = new AtomicInteger();
        boolean[] hit = new boolean[1];
        CompiledProgram first = cache.get(module.bytes(), "base", () -> {
            compiles.incrementAndGet();
            return new Compiler(false).compile(module, -1);
        }, hit);
        assertFalse(hit[0]);
        CompiledProgram second = cache.get(module.bytes(), "base", () -> {
            compiles.incrementAndGet();
            return new Compiler(false).compile(module, -1);
        }, hit);
        assertTrue(hit[0]);
        assertEquals(1, compiles.get());
        assertArrayEquals(first.text(), second.text());
        assertEquals(first.exports(), second.exports());

        Path file = cache.file(module.bytes(), "base");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        cache.get(module.bytes(), "base", () -> {
            compiles.incrementAndGet();
            return new Compiler(false).compile(module, -1);
        }, hit);
        assertFalse(hit[0]);
        assertEquals(2, compiles.get());
        Files.write(file, new byte[] {1, 2, 3});
        cache.get(module.bytes(), "base", () -> new Compiler(false).compile(module, -1), hit);
        assertFalse(hit[0]);
        cache.get(module.bytes(), "base", () -> new Compiler(false).compile(module, -1), hit);
        assertTrue(hit[0]);
        // A caller that hashed the module already (NativeEngine) finds the same entry.
        String hash = BinaryInstaller.sha256(module.bytes());
        assertEquals(file, cache.file(hash, "base"));
        cache.get(hash, "base", () -> {
            throw new AssertionError("compiled again");
        }, hit);
        assertTrue(hit[0]);
    }
}
