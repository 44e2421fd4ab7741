package gate.compiler.gen;

import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;

/**
 * Which registers hold operands. General-purpose candidates exclude the ABI's fixed registers
 * (rbx, rbp, rsp, r14, r15), rcx (the macro layer's scratch) and the homes of locals; XMM
 * candidates exclude xmm15, the code generator's float scratch, and the float homes. Every
 * register is caller-saved: everything is spilled (homes stored) before a call.
 */
public final class Registers {
    /** Allocation order: registers no x86 instruction needs implicitly first. */
    static final Reg[] GP = {Reg.R8, Reg.R11, Reg.RSI, Reg.RDI, Reg.RDX, Reg.RAX};
    /**
     * Homes of the most used integer locals (see {@link LocalRegisters}): registers the
     * runtime slots preserve (DESIGN.md §5), so only calls need them stored and reloaded.
     */
    public static final Reg[] GP_HOMES = {Reg.R12, Reg.R13, Reg.R10, Reg.R9};
    /** Homes of the most used float locals. */
    public static final Xmm[] XMM_HOMES = {Xmm.XMM8, Xmm.XMM9, Xmm.XMM10, Xmm.XMM11,
        Xmm.XMM12, Xmm.XMM13};
    private static final Xmm[] XMM = {Xmm.XMM0, Xmm.XMM1, Xmm.XMM2, Xmm.XMM3, Xmm.XMM4,
        Xmm.XMM5, Xmm.XMM6, Xmm.XMM7, Xmm.XMM14};
    /** The float scratch register. */
    public static final Xmm FLOAT_SCRATCH = Xmm.XMM15;

    private int usedGp;
    private int usedXmm;

    /** A free general-purpose register, or null if every candidate is in use. */
    Reg freeGp() {
        for (Reg reg : GP) {
            if ((usedGp & 1 << reg.ordinal()) == 0) {
                return reg;
            }
        }
        return null;
    }

    /** A free XMM register, or null. */
    Xmm freeXmm() {
        for (Xmm reg : XMM) {
            if ((usedXmm & 1 << reg.ordinal()) == 0) {
                return reg;
            }
        }
        return null;
    }

    boolean isUsed(Reg reg) {
        return (usedGp & 1 << reg.ordinal()) != 0;
    }

    void take(Reg reg) {
        if (isUsed(reg)) {
            throw new IllegalStateException(reg + " is already in use");
        }
        usedGp |= 1 << reg.ordinal();
    }

    void take(Xmm reg) {
        usedXmm |= 1 << reg.ordinal();
    }

    void release(Reg reg) {
        usedGp &= ~(1 << reg.ordinal());
    }

    void release(Xmm reg) {
        usedXmm &= ~(1 << reg.ordinal());
    }

    boolean noneUsed() {
        return usedGp == 0 && usedXmm == 0;
    }

    @Override
    public String toString() {
        return "gp " + Integer.toBinaryString(usedGp) + " xmm " + Integer.toBinaryString(usedXmm);
    }
}
