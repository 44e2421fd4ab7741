package gate.compiler.x86.enc;

/**
 * The REX prefix (Intel SDM vol. 2, 2.2.1): 0100WRXB, where W selects 64-bit operand size and R, X
 * and B extend the ModRM reg field, the SIB index and the ModRM rm / SIB base / opcode register to
 * reach r8-r15 and xmm8-xmm15.
 */
final class Rex {
    static final int BASE = 0x40;
    static final int W = 8;
    static final int R = 4;
    static final int X = 2;
    static final int B = 1;

    private Rex() {}

    /**
     * The REX byte for the given fields, or 0 when none is needed. Hardware register numbers are
     * 0-15; pass 0 for an absent one. {@code force} emits a bare REX even without bits, which
     * byte accesses to spl, bpl, sil and dil require.
     */
    static int of(boolean w, int reg, int index, int base, boolean force) {
        int bits = (w ? W : 0) | (reg >> 3 & 1) * R | (index >> 3 & 1) * X | (base >> 3 & 1) * B;
        return bits != 0 || force ? BASE | bits : 0;
    }

    /** The REX bits a memory operand contributes (X for its index, B for its base). */
    static int memoryBits(Memory memory) {
        if (memory instanceof Memory.Based based) {
            int bits = 0;
            if (based.index() != null && based.index().extended()) {
                bits |= X;
            }
            if (based.base() != null && based.base().extended()) {
                bits |= B;
            }
            return bits;
        }
        return 0;
    }
}
