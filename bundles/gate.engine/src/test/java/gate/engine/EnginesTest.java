package gate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginesTest {
    /** Found through this module's test META-INF/services; never asked to do work. */
    public static final class Fake implements Engine {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Program compile(Module module) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MemoryExtern createMemory(MemoryType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TableExtern createTable(TableType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GlobalExtern createGlobal(GlobalType type, long value) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void findsAProviderDespiteABrokenEntry() {
        assertEquals(List.of("fake"), Engines.available());
        assertEquals("fake", Engines.find("fake").name());
        assertEquals(List.of("fake"), List.copyOf(Engines.all().keySet()));
    }

    @Test
    void portableEnginesAreAvailableByDefault() {
        assertTrue(Engines.find("fake").isAvailable());
    }

    @Test
    void anUnknownNameListsWhatExistsAndWhatIsBroken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.find("jit"));
        assertTrue(e.getMessage().contains("unknown engine 'jit'; available: fake"), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchEngineClass"), e.getMessage());
    }
}
