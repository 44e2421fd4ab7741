package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Program;
import gate.wasm.GateException;
import gate.wasm.Module;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A module started again is not compiled again, and only the very same bytes find a kept program. */
class LoadedProgramsTest {
    /** An empty module with one custom section named {@code name} (one byte per character). */
    static byte[] module(String name) {
        byte[] bytes = new byte[8 + 3 + name.length()];
        System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0, (byte) (1 + name.length()),
                (byte) name.length()}, 0, bytes, 0, 11);
        for (int i = 0; i < name.length(); i++) {
            bytes[11 + i] = (byte) name.charAt(i);
        }
        return bytes;
    }

    @Test
    void theSameBytesFindTheKeptProgram() {
        var engine = new CountingEngine("counting");
        var programs = new LoadedPrograms(8, 1 << 20);
        Program first = programs.load(engine, module("a"));
        assertSame(first, programs.load(engine, module("a")));
        assertEquals(1, engine.compiled());
        Program other = programs.load(engine, module("b"));
        assertNotSame(first, other);
        assertEquals(2, engine.compiled());
        assertSame(first, programs.load(engine, module("a")));
        assertEquals(2, engine.compiled());
    }

    @Test
    void eachEngineHasItsOwnPrograms() {
        var one = new CountingEngine("counting");
        var two = new CountingEngine("counting");
        var programs = new LoadedPrograms(8, 1 << 20);
        programs.load(one, module("a"));
        programs.load(two, module("a"));
        assertEquals(1, one.compiled());
        assertEquals(1, two.compiled());
    }

    @Test
    void theKeptProgramOwnsItsBytes() {
        var engine = new CountingEngine("counting");
        var programs = new LoadedPrograms(8, 1 << 20);
        byte[] caller = module("a");
        Program first = programs.load(engine, caller);
        System.arraycopy(module("b"), 0, caller, 0, caller.length); // the caller reuses its array
        assertNotSame(first, programs.load(engine, caller));
        assertEquals(2, engine.compiled());
        assertSame(first, programs.load(engine, module("a")));
        assertEquals(Arrays.toString(module("a")), Arrays.toString(first.module().bytes()));
    }

    @Test
    void rejectedModulesAreNotKept() {
        var engine = new CountingEngine("counting");
        var programs = new LoadedPrograms(8, 1 << 20);
        byte[] broken = {0, 'a', 's', 'm', 2, 0, 0, 0};
        assertThrows(GateException.class, () -> programs.load(engine, broken));
        assertThrows(GateException.class, () -> programs.load(engine, broken));
        assertEquals(0, programs.size());
    }

    @Test
    void theLeastRecentlyUsedGoFirst() {
        var engine = new CountingEngine("counting");
        var programs = new LoadedPrograms(2, 1 << 20);
        Program a = programs.load(engine, module("a"));
        programs.load(engine, module("b"));
        programs.load(engine, module("a")); // a is now the most recent
        programs.load(engine, module("c")); // b goes
        assertEquals(2, programs.size());
        assertSame(a, programs.load(engine, module("a")));
        assertEquals(3, engine.compiled());
        programs.load(engine, module("b"));
        assertEquals(4, engine.compiled());
    }

    @Test
    void modulesOverTheByteBoundAreNotKept() {
        var engine = new CountingEngine("counting");
        var programs = new LoadedPrograms(8, 12);
        programs.load(engine, module("long name"));
        programs.load(engine, module("long name"));
        assertEquals(2, engine.compiled());
        assertEquals(0, programs.size());
    }
}
