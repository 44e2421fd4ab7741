package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.Rel32;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;
import java.util.EnumMap;
import java.util.Map;

/**
 * One 16-byte stub per trap id: {@code mov edi, id; jmp <runtime trap slot>}. Generated code
 * traps with a {@code call} to the stub, so the return address the runtime records as the trap pc
 * is the trap site in the function, not an address inside the stub (the stub jumps, it does not
 * call). Immutable once emitted.
 */
public final class TrapStubs {
    /** Every stub starts on a multiple of this and fits in it. */
    public static final int STUB_SIZE = 16;
    /** Length of {@link #call}. */
    public static final int CALL_LENGTH = 5;
    /** Length of {@link #callIf}. */
    public static final int CALL_IF_LENGTH = 2 + CALL_LENGTH;

    private static final int INT3 = 0xCC;

    private final Map<TrapId, Integer> addresses;

    private TrapStubs(Map<TrapId, Integer> addresses) {
        this.addresses = addresses;
    }

    /**
     * Emits the stubs of every {@link TrapId} at the next 16-byte boundary of {@code code}; gaps
     * are filled with int3, as they are never executed.
     */
    public static TrapStubs emit(CodeBuffer code) {
        code.fill(INT3, -code.position() & (STUB_SIZE - 1));
        Map<TrapId, Integer> addresses = new EnumMap<>(TrapId.class);
        for (TrapId trap : TrapId.values()) {
            int start = code.position();
            addresses.put(trap, start);
            RegImm.MOV.regImm(code, Size.DWORD, Abi.SLOT_ARG0, trap.id);
            Rel32.JMP.to(code, RuntimeSlot.TRAP.textOffset());
            code.fill(INT3, start + STUB_SIZE - code.position());
        }
        return new TrapStubs(addresses);
    }

    /** Text offset of the stub for {@code trap}. */
    public int address(TrapId trap) {
        return addresses.get(trap);
    }

    /**
     * Emits {@code call <stub>}; returns the trap site, the return address the runtime will
     * report as the trap pc.
     */
    public int call(CodeBuffer code, TrapId trap) {
        Rel32.CALL.to(code, address(trap));
        return code.position();
    }

    /**
     * Emits a trap taken only if {@code condition} holds: a short jump over the call when it does
     * not. Returns the trap site.
     */
    public int callIf(CodeBuffer code, Condition condition, TrapId trap) {
        CondRel8.Jcc.to(code, condition.negate(), code.position() + CALL_IF_LENGTH);
        return call(code, trap);
    }
}
