package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Rel32;

/**
 * The native runtime's entry points, 16-byte stubs in the runtime area directly below the text
 * (runtime.native DESIGN.md §5, {@code include/gate/abi.h}). Generated code reaches slot k with a
 * direct {@code call rel32} to text offset {@code -GATE_RT_AREA + 16·k}: the distance is fixed at
 * load time, so no indirect branch is needed. Arguments go in edi and esi, the result comes back
 * in rax; a slot clobbers only rax, rcx, r11, rdi, rsi and the flags.
 */
public enum RuntimeSlot {
    /** edi = trap id; never returns; records the caller's return address as the trap pc. */
    TRAP,
    /** edi = exit code 0..3. */
    EXIT,
    READ,
    WRITE,
    POLL,
    TIME,
    RANDOM,
    /** edi = delta pages; returns the old size in pages or -1. */
    GROW,
    /** Returns the current memory size in pages. */
    SIZE,
    /**
     * edi = imported function index; the host runs the function and writes its results into the
     * caller's outgoing area (DESIGN.md §5, host slot). Records the return address as an IMPORT
     * site, like a trap, so that the host can also stop the run there.
     */
    HOST;

    /** Size of the runtime area below the text ({@code GATE_RT_AREA}). */
    public static final int AREA_SIZE = 0x4000;
    /** Size of one slot ({@code GATE_RT_SLOT_SIZE}). */
    public static final int SLOT_SIZE = 16;

    /** The slot's address as an offset from the text base (negative). */
    public int textOffset() {
        return -AREA_SIZE + SLOT_SIZE * ordinal();
    }

    /**
     * Emits {@code call <slot>} into text whose offset 0 is the text base; returns the return
     * address (a call site, for resume and trap maps). The caller has put the arguments in edi and
     * esi and saved whatever lives in rax, rcx, r11, rdi and rsi.
     */
    public int call(CodeBuffer code) {
        Rel32.CALL.to(code, textOffset());
        return code.position();
    }
}
