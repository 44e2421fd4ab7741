package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.jna.Memory;
import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The macro layer's checks and memory accesses, run natively. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeChecksTest {
    private final CodeBuffer code = new CodeBuffer();
    private NativeCode run;
    private int stackCheck;
    private int suspendCheck;
    private int load8s;
    private int store16;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        TrapStubs stubs = TrapStubs.emit(code);

        stackCheck = code.position();
        StackCheck.emit(code, stubs).setFrameSize(code, 0x100);
        RegImm.MOV.regImm(code, Size.DWORD, Reg.RAX, 42);
        NoOperand.RET.emit(code);

        suspendCheck = code.position();
        SuspendCheck.emit(code, stubs);
        RegImm.MOV.regImm(code, Size.DWORD, Reg.RAX, 7);
        NoOperand.RET.emit(code);

        // rax = i64.load8_s [r14 + edi + 3]
        load8s = code.position();
        IntLoad.I64_LOAD8_S.emit(code, Reg.RAX, LinearMemory.dynamic(Reg.RDI, 3));
        NoOperand.RET.emit(code);

        // i32.store16 [r14 + edi + 1] = si; rax = i32.load [r14 + edi]
        store16 = code.position();
        IntStore.I32_STORE16.emit(code, LinearMemory.dynamic(Reg.RDI, 1), Reg.RSI);
        IntLoad.I32_LOAD.emit(code, Reg.RAX, LinearMemory.dynamic(Reg.RDI, 0));
        NoOperand.RET.emit(code);

        run = NativeCode.load(code);
    }

    @AfterAll
    void unload() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void stackCheckPassesUnderTheLimitAndTrapsOverIt() {
        NativeCode.Outcome ok = run.call(stackCheck, 0, 0, 0, 0);
        assertFalse(ok.trapped());
        assertEquals(42, ok.rax());
        assertEquals(TrapId.CALL_STACK_EXHAUSTED.id, run.call(stackCheck, 0, 0, -1L, 0).trap());
        // The suspend bits make every stack check fail (unsigned compare).
        assertEquals(TrapId.CALL_STACK_EXHAUSTED.id,
                run.call(stackCheck, 0, 0, Abi.SUSPEND_BITS, 0).trap());
    }

    @Test
    void suspendCheckSeesBitZero() {
        assertEquals(7, run.call(suspendCheck, 0, 0, 0x10000, 0).rax());
        assertEquals(TrapId.SUSPENDED.id, run.call(suspendCheck, 0, 0, Abi.SUSPEND_BITS, 0).trap());
    }

    @Test
    void memoryAccessesAreRelativeToR14() {
        try (Memory memory = new Memory(64)) {
            memory.clear();
            memory.setByte(13, (byte) -5);
            long base = com.sun.jna.Pointer.nativeValue(memory);
            assertEquals(-5, run.call(load8s, 10, 0, 0, base).rax());
            // The upper half of rdi must not matter only if the code generator keeps i32
            // addresses zero-extended; here rdi is exactly the address.
            NativeCode.Outcome stored = run.call(store16, 20, 0xabcd1234L, 0, base);
            assertEquals(0x00123400L, stored.rax());
            assertEquals((short) 0x1234, memory.getShort(21));
        }
    }
}
