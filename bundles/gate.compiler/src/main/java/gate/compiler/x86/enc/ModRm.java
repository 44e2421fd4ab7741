package gate.compiler.x86.enc;

/**
 * Emission of the ModRM byte, the SIB byte and the displacement (Intel SDM vol. 2, 2.1.5 and
 * tables 2-2 and 2-3), choosing the shortest form for each memory operand.
 *
 * <p>The special cases this class exists for: rm = 100 means "a SIB byte follows", so a base of
 * rsp or r12 always needs a SIB byte; mod = 00 with rm = 101 means RIP-relative, and SIB base = 101
 * with mod = 00 means "no base", so a base of rbp or r13 always needs a displacement (a zero byte
 * if nothing else); SIB index = 100 means "no index", so rsp cannot be an index. A
 * {@linkplain Memory.Based#wide() wide} operand always gets a 32-bit displacement, so that it
 * can be patched.
 */
final class ModRm {
    private static final int MOD_INDIRECT = 0;
    private static final int MOD_DISP8 = 1;
    private static final int MOD_DISP32 = 2;
    private static final int MOD_DIRECT = 3;
    private static final int RM_SIB = 4;
    private static final int RM_RIP = 5;
    private static final int SIB_NO_INDEX = 4;
    private static final int SIB_NO_BASE = 5;

    private ModRm() {}

    /** A register-direct ModRM byte; {@code reg} is a register number or an opcode extension. */
    static void direct(CodeBuffer code, int reg, int rm) {
        code.emit8(modRm(MOD_DIRECT, reg, rm));
    }

    /**
     * ModRM, SIB and displacement for {@code memory}. {@code trailingBytes} is the size of the
     * immediate that follows, needed because a RIP-relative displacement counts from the end of
     * the whole instruction.
     */
    static void memory(CodeBuffer code, int reg, Memory memory, int trailingBytes) {
        // instanceof rather than a pattern switch: this runs for every memory operand, and
        // the type switch's bootstrap costs more than the test.
        if (memory instanceof Memory.Based based) {
            based(code, reg, based);
        } else {
            Memory.RipRelative rip = (Memory.RipRelative) memory;
            code.emit8(modRm(MOD_INDIRECT, reg, RM_RIP));
            int end = code.position() + 4 + trailingBytes;
            code.emit32(rip.target() - end);
        }
    }

    private static void based(CodeBuffer code, int reg, Memory.Based memory) {
        Reg base = memory.base();
        Reg index = memory.index();
        int disp = memory.disp();
        if (base == null) {
            code.emit8(modRm(MOD_INDIRECT, reg, RM_SIB));
            code.emit8(sib(memory.scale(), index.low3(), SIB_NO_BASE));
            code.emit32(disp);
            return;
        }
        int mod;
        if (memory.wide()) {
            mod = MOD_DISP32;
        } else if (disp == 0 && base.low3() != SIB_NO_BASE) {
            mod = MOD_INDIRECT;
        } else if (Imm.isInt8(disp)) {
            mod = MOD_DISP8;
        } else {
            mod = MOD_DISP32;
        }
        if (index != null || base.low3() == RM_SIB) {
            code.emit8(modRm(mod, reg, RM_SIB));
            int indexBits = index == null ? SIB_NO_INDEX : index.low3();
            code.emit8(sib(memory.scale(), indexBits, base.low3()));
        } else {
            code.emit8(modRm(mod, reg, base.low3()));
        }
        if (mod == MOD_DISP8) {
            code.emit8(disp);
        } else if (mod == MOD_DISP32) {
            code.emit32(disp);
        }
    }

    private static int modRm(int mod, int reg, int rm) {
        return mod << 6 | (reg & 7) << 3 | (rm & 7);
    }

    private static int sib(int scale, int index, int base) {
        int scaleBits = Integer.numberOfTrailingZeros(scale);
        return scaleBits << 6 | (index & 7) << 3 | (base & 7);
    }
}
