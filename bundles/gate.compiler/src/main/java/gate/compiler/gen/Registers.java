package gate.compiler.gen;

import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;

/**
 * Which registers hold operands. General-purpose candidates exclude the ABI's fixed registers
 * (rbx, rbp, rsp, r14, r15) and rcx, the macro layer's scratch; XMM candidates exclude xmm15, the
 * code generator's float scratch. Every register is caller-saved: everything is spilled before a
 * call.
 */
public final class Registers {
    /** Allocation order: registers no x86 instruction needs implicitly first. */
    static final Reg[] GP = {Reg.R8, Reg.R9, Reg.R10, Reg.R11, Reg.R12, Reg.R13, Reg.RSI,
        Reg.RDI, Reg.RDX, Reg.RAX};
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
        for (int i = 0; i < 15; i++) {
            if ((usedXmm & 1 << i) == 0) {
                return Xmm.values()[i];
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
