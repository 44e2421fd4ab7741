package gate.compiler.x86;

import gate.compiler.x86.enc.Reg;

/**
 * Register roles of generated code, fixed by the native runtime's ABI (runtime.native DESIGN.md
 * §5). Offset 0 of the code buffer is the text base.
 */
public final class Abi {
    /** Linear memory base; globals lie below it. */
    public static final Reg MEMORY_BASE = Reg.R14;
    /** Text base; the runtime area lies below it. */
    public static final Reg TEXT_BASE = Reg.R15;
    /**
     * Stack limit: a frame of n bytes fits while {@code rsp - n >= rbx} (unsigned). A suspend
     * request ORs {@link #SUSPEND_BITS} into it.
     */
    public static final Reg STACK_LIMIT = Reg.RBX;
    /** Scratch register the helpers of this package may clobber. */
    public static final Reg SCRATCH = Reg.RCX;
    /** First argument register of runtime slots. */
    public static final Reg SLOT_ARG0 = Reg.RDI;
    /** Bits ORed into {@link #STACK_LIMIT} to request suspension ({@code GATE_SUSPEND_BITS}). */
    public static final long SUSPEND_BITS = 0x4000000000000001L;

    private Abi() {}
}
