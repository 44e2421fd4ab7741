package gate.compiler.x86;

import static gate.compiler.testing.ObjdumpAssertions.assertMatches;

import gate.compiler.testing.Disassembly;
import gate.compiler.testing.ObjdumpAssertions;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;
import gate.engine.TrapId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Golden disassembly of the macro layer's sequences: what objdump reads in the bytes each helper
 * emits, instruction by instruction, with branch targets resolved to absolute offsets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MacroListingTest {
    private final Disassembly dis = new Disassembly();
    private TrapStubs stubs;

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        dis.code().fill(0xcc, 3); // stubs must realign
        recordTrapStubs();
        recordChecks();
        recordMemoryAccesses();
        dis.run(objdump);
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private void recordTrapStubs() {
        stubs = TrapStubs.emit(dis.code());
        // Three bytes were written before: emit() pads with int3 up to offset 16.
        dis.expectAt("TrapStubs", 3, 16, "int3\n".repeat(13).strip());
        int slot = RuntimeSlot.TRAP.textOffset();
        for (TrapId trap : TrapId.values()) {
            int start = stubs.address(trap);
            StringBuilder listing = new StringBuilder()
                    .append("mov edi,").append(hex(trap.id)).append('\n')
                    .append("jmp ").append(hex(slot & 0xffffffffffffffffL));
            listing.append("\nint3".repeat(TrapStubs.STUB_SIZE - 10));
            dis.expectAt("TrapStubs", start, start + TrapStubs.STUB_SIZE, listing.toString());
        }
    }

    private void recordChecks() {
        dis.expect("StackCheck", end -> String.join("\n", List.of(
                        "lea rcx,[rsp-0x1238]",
                        "cmp rcx,rbx",
                        "jae " + hex(end),
                        "call " + hex(stubs.address(TrapId.CALL_STACK_EXHAUSTED)))),
                c -> StackCheck.emit(c, stubs).setFrameSize(c, 0x1238));
        dis.expect("StackCheck", end -> String.join("\n", List.of(
                        "lea rcx,[rsp+0x0]",
                        "cmp rcx,rbx",
                        "jae " + hex(end),
                        "call " + hex(stubs.address(TrapId.CALL_STACK_EXHAUSTED)))),
                c -> StackCheck.emit(c, stubs));
        dis.expect("StackCheck", end -> "cmp rsp,rbx\njb " + hex(end), c -> {
            gate.compiler.x86.enc.Label slow = new gate.compiler.x86.enc.Label();
            StackCheck.afterFrame(c, slow);
            slow.bind(c);
        });
        dis.expect("SuspendCheck", end -> String.join("\n", List.of(
                        "test bl,0x1",
                        "je " + hex(end),
                        "call " + hex(stubs.address(TrapId.SUSPENDED)))),
                c -> SuspendCheck.emit(c, stubs));
        dis.expect("TrapCall", "call " + hex(stubs.address(TrapId.UNREACHABLE)),
                c -> stubs.call(c, TrapId.UNREACHABLE));
        dis.expect("TrapCall", "call " + hex(RuntimeSlot.GROW.textOffset() & 0xffffffffffffffffL),
                RuntimeSlot.GROW::call);
    }

    private void recordMemoryAccesses() {
        String[] loads = {"mov eax,DWORD PTR", "mov rax,QWORD PTR", "movsx eax,BYTE PTR",
            "movzx eax,BYTE PTR", "movsx eax,WORD PTR", "movzx eax,WORD PTR",
            "movsx rax,BYTE PTR", "movzx eax,BYTE PTR", "movsx rax,WORD PTR",
            "movzx eax,WORD PTR", "movsxd rax,DWORD PTR", "mov eax,DWORD PTR"};
        for (IntLoad load : IntLoad.values()) {
            dis.expect("IntLoad", loads[load.ordinal()] + " [r14+rcx*1+0x10]",
                    c -> load.emit(c, Reg.RAX, LinearMemory.dynamic(Reg.RCX, 0x10)));
        }
        dis.expect("IntLoad", "movzx r13d,BYTE PTR [r14+r12*1]",
                c -> IntLoad.I64_LOAD8_U.emit(c, Reg.R13, LinearMemory.dynamic(Reg.R12, 0)));
        dis.expect("IntLoad", "mov r9,QWORD PTR [r14+0x7fffffff]",
                c -> IntLoad.I64_LOAD.emit(c, Reg.R9, LinearMemory.constant(0x7fff0000L, 0xffff)));
        String[] stores = {"DWORD PTR", "QWORD PTR", "BYTE PTR", "WORD PTR", "BYTE PTR",
            "WORD PTR", "DWORD PTR"};
        String[] values = {"esi", "rsi", "sil", "si", "sil", "si", "esi"};
        String[] constants = {"0xffffffff", "0xffffffffffffffff", "0xff", "0xffff", "0xff",
            "0xffff", "0xffffffff"};
        for (IntStore store : IntStore.values()) {
            int i = store.ordinal();
            String target = stores[i] + " [r14+rdx*1+0x8]";
            Memory memory = LinearMemory.dynamic(Reg.RDX, 8);
            dis.expect("IntStore", "mov " + target + "," + values[i],
                    c -> store.emit(c, memory, Reg.RSI));
            dis.expect("IntStore", "mov " + target + "," + constants[i],
                    c -> store.emitConstant(c, memory, -1));
        }
        dis.expect("FloatAccess", "movss xmm3,DWORD PTR [r14+rdi*1+0x4]",
                c -> FloatAccess.F32.load(c, Xmm.XMM3, LinearMemory.dynamic(Reg.RDI, 4)));
        dis.expect("FloatAccess", "movsd QWORD PTR [r14+r8*1],xmm12",
                c -> FloatAccess.F64.store(c, LinearMemory.dynamic(Reg.R8, 0), Xmm.XMM12));
        dis.expect("Globals", "mov rax,QWORD PTR [r14-0x18]",
                c -> IntLoad.I64_LOAD.emit(c, Reg.RAX, LinearMemory.global(0, 3)));
    }

    @Test
    void trapStubs() {
        assertMatches(dis, "TrapStubs");
    }

    @Test
    void stackAndSuspendChecks() {
        assertMatches(dis, "StackCheck");
        assertMatches(dis, "SuspendCheck");
        assertMatches(dis, "TrapCall");
    }

    @Test
    void memoryAccesses() {
        assertMatches(dis, "IntLoad");
        assertMatches(dis, "IntStore");
        assertMatches(dis, "FloatAccess");
        assertMatches(dis, "Globals");
    }
}
