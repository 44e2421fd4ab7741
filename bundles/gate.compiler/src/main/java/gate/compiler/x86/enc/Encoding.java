package gate.compiler.x86.enc;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one place that lays out an instruction: legacy prefixes, REX, opcode, then ModRM/SIB/disp
 * (Intel SDM vol. 2, figure 2-1). Immediates are appended by the caller afterwards.
 *
 * <p>Prefixes and opcodes are passed as packed big-endian byte strings ({@code 0x0FAF} is 0F AF;
 * {@code 0x66} is one prefix byte; 0 means no prefix). Mandatory prefixes (66, F2, F3) must precede
 * REX, which must immediately precede the opcode.
 */
final class Encoding {
    static final int NO_PREFIX = 0;
    static final int OPERAND_SIZE = 0x66;
    /** Marks a constant that has no byte-sized opcode. */
    static final int NONE = -1;

    static final Set<Size> ALL_SIZES = EnumSet.allOf(Size.class);
    static final Set<Size> WORD_UP = EnumSet.of(Size.WORD, Size.DWORD, Size.QWORD);
    static final Set<Size> DWORD_UP = EnumSet.of(Size.DWORD, Size.QWORD);
    static final Set<Size> QWORD_ONLY = EnumSet.of(Size.QWORD);

    private Encoding() {}

    /** Register-direct form: {@code reg} goes to ModRM.reg, {@code rm} to ModRM.rm. */
    static void direct(CodeBuffer code, int prefixes, boolean w, boolean forceRex, int opcode,
            int reg, int rm) {
        prefixes(code, prefixes);
        int rex = Rex.of(w, reg, 0, rm, forceRex);
        if (rex != 0) {
            code.emit8(rex);
        }
        opcode(code, opcode);
        ModRm.direct(code, reg, rm);
    }

    /** Memory form; {@code trailingBytes} is the size of the immediate the caller appends. */
    static void memory(CodeBuffer code, int prefixes, boolean w, boolean forceRex, int opcode,
            int reg, Memory memory, int trailingBytes) {
        prefixes(code, prefixes);
        int bits = (w ? Rex.W : 0) | (reg >> 3 & 1) * Rex.R | Rex.memoryBits(memory);
        if (bits != 0 || forceRex) {
            code.emit8(Rex.BASE | bits);
        }
        opcode(code, opcode);
        ModRm.memory(code, reg, memory, trailingBytes);
    }

    /** {@link #direct} for an integer instruction of {@code size} without mandatory prefix. */
    static void direct(CodeBuffer code, Size size, boolean forceRex, int opcode, int reg, int rm) {
        direct(code, prefixes(size, NO_PREFIX), rexW(size), forceRex, opcode, reg, rm);
    }

    /** {@link #memory} for an integer instruction of {@code size} without mandatory prefix. */
    static void memory(CodeBuffer code, Size size, boolean forceRex, int opcode, int reg,
            Memory memory, int trailingBytes) {
        memory(code, prefixes(size, NO_PREFIX), rexW(size), forceRex, opcode, reg, memory,
                trailingBytes);
    }

    /** Register-in-opcode form (Intel "O"): the low 3 bits of {@code reg} go into the opcode. */
    static void inOpcode(CodeBuffer code, boolean w, int opcode, int reg) {
        int rex = Rex.of(w, 0, 0, reg, false);
        if (rex != 0) {
            code.emit8(rex);
        }
        opcode(code, opcode + (reg & 7));
    }

    /** Appends the prefix bytes packed big-endian in {@code value}; nothing for 0. */
    static void prefixes(CodeBuffer code, int value) {
        if (value != 0) {
            opcode(code, value);
        }
    }

    /** Appends the 1-4 opcode bytes packed big-endian in {@code value} (0 is the byte 00). */
    static void opcode(CodeBuffer code, int value) {
        int shift = 24;
        while (shift > 0 && (value >>> shift & 0xff) == 0) {
            shift -= 8;
        }
        for (; shift >= 0; shift -= 8) {
            code.emit8(value >>> shift);
        }
    }

    /**
     * The prefixes for {@code size} followed by the {@code mandatory} one (F2, F3 or none): the
     * operand-size prefix 66 marks WORD size and goes first (Intel SDM vol. 2, 2.1.1).
     */
    static int prefixes(Size size, int mandatory) {
        if (size != Size.WORD) {
            return mandatory;
        }
        return mandatory == NO_PREFIX ? OPERAND_SIZE : OPERAND_SIZE << 8 | mandatory;
    }

    /** True when {@code size} needs REX.W. */
    static boolean rexW(Size size) {
        return size == Size.QWORD;
    }

    /** Fails unless {@code size} is one of {@code allowed}. */
    static void checkSize(Object insn, Size size, Set<Size> allowed) {
        if (!allowed.contains(size)) {
            throw new IllegalArgumentException(insn + " has no " + size + " form");
        }
    }
}
