package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.engine.TrapId;
import org.junit.jupiter.api.Test;

class TrapStubsTest {

    @Test
    void stubsAreAlignedAndDistinct() {
        CodeBuffer code = new CodeBuffer();
        code.fill(0x90, 5);
        TrapStubs stubs = TrapStubs.emit(code);
        int expected = 16;
        for (TrapId trap : TrapId.values()) {
            assertEquals(expected, stubs.address(trap), trap.toString());
            // mov edi, imm32 with the trap number (BF id)
            assertEquals(0xBF, code.read8(expected));
            assertEquals(trap.id, code.read32(expected + 1));
            // jmp rel32 to the runtime's trap slot, counted from the end of the jmp
            assertEquals(0xE9, code.read8(expected + 5));
            assertEquals(RuntimeSlot.TRAP.textOffset() - (expected + 10),
                    code.read32(expected + 6));
            expected += TrapStubs.STUB_SIZE;
        }
        assertEquals(expected, code.position());
    }

    @Test
    void trapSitesAreReturnAddresses() {
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        int start = code.position();
        assertEquals(start + TrapStubs.CALL_LENGTH, stubs.call(code, TrapId.UNREACHABLE));
        int conditional = code.position();
        int site = stubs.callIf(code, Condition.E, TrapId.INTEGER_DIVIDE_BY_ZERO);
        assertEquals(conditional + TrapStubs.CALL_IF_LENGTH, site);
        // jne over the 5-byte call: 75 05
        assertEquals(0x75, code.read8(conditional));
        assertEquals(0x05, code.read8(conditional + 1));
    }

    @Test
    void runtimeSlotsFollowTheAbiHeader() {
        assertEquals(-0x4000, RuntimeSlot.TRAP.textOffset());
        assertEquals(-0x4000 + 16 * 7, RuntimeSlot.GROW.textOffset());
        assertEquals(10, RuntimeSlot.values().length);
    }

    @Test
    void stackCheckPatchesTheFrameSize() {
        CodeBuffer code = new CodeBuffer();
        TrapStubs stubs = TrapStubs.emit(code);
        int start = code.position();
        StackCheck check = StackCheck.emit(code, stubs);
        // lea rcx, [rsp + disp32]: 48 8d 8c 24 <disp32>
        assertEquals(0x8c, code.read8(start + 2));
        assertEquals(0, code.read32(start + 4));
        check.setFrameSize(code, 0x10000);
        assertEquals(-0x10000, code.read32(start + 4));
        assertEquals(code.position(), check.trapSite());
        assertThrows(IllegalArgumentException.class, () -> check.setFrameSize(code, -8));
    }
}
