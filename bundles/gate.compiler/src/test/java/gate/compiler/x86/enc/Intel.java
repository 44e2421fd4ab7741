package gate.compiler.x86.enc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How objdump ({@code -M intel}) prints operands, written down independently of the encoder (its
 * own register name tables, not {@link Reg#name}), plus the operand sets the form tests sweep.
 */
final class Intel {
    private static final String[] QWORD = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final String[] DWORD = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
        "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    private static final String[] WORD = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
        "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    private static final String[] BYTE = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
        "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};

    private Intel() {}

    static String reg(Size size, Reg reg) {
        String[] names = switch (size) {
            case BYTE -> BYTE;
            case WORD -> WORD;
            case DWORD -> DWORD;
            case QWORD -> QWORD;
        };
        return names[reg.ordinal()];
    }

    static String xmm(Xmm xmm) {
        return "xmm" + xmm.ordinal();
    }

    static String ptr(Size size) {
        return size.name() + " PTR ";
    }

    /** An immediate as objdump prints it: hex of the value truncated to {@code bits}. */
    static String imm(long value, int bits) {
        long masked = bits == 64 ? value : value & ((1L << bits) - 1);
        return "0x" + Long.toHexString(masked);
    }

    /**
     * A memory operand without size, as objdump prints it; {@code end} is the offset just after
     * the instruction, needed for RIP-relative operands.
     */
    static String mem(Memory memory, int end) {
        if (memory instanceof Memory.RipRelative rip) {
            long disp = rip.target() - end;
            return "[rip+0x" + Long.toHexString(disp) + "]";
        }
        Memory.Based m = (Memory.Based) memory;
        StringBuilder text = new StringBuilder("[");
        if (m.base() != null) {
            text.append(QWORD[m.base().ordinal()]);
        }
        if (m.index() != null) {
            if (m.base() != null) {
                text.append('+');
            }
            text.append(QWORD[m.index().ordinal()]).append('*').append(m.scale());
        }
        // Shortest form: no displacement only for disp 0 with a base other than rbp/r13 (whose
        // mod=00 encodings mean RIP-relative / no base).
        boolean baseNeedsDisp = m.base() == null || m.base() == Reg.RBP || m.base() == Reg.R13;
        if (m.disp() != 0 || baseNeedsDisp || m.wide()) {
            text.append(m.disp() < 0 ? "-0x" : "+0x")
                    .append(Long.toHexString(Math.abs((long) m.disp())));
        }
        return text.append(']').toString();
    }

    /** Lower-case mnemonic of an enum constant (Intel mnemonics are its name). */
    static String mnemonic(Enum<?> insn) {
        return insn.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Memory operands covering every ModRM/SIB special case: each base with no, 8-bit and 32-bit
     * displacements (and the edges of the 8-bit range) and with a forced 32-bit one, each index
     * with each scale, no base, and RIP-relative targets before and after the instruction.
     */
    static List<Memory> memories() {
        List<Memory> list = new ArrayList<>();
        int[] disps = {0, 0x10, -0x80, 0x7f, 0x80, -0x81, 0x12345678, Integer.MIN_VALUE};
        for (Reg base : Reg.values()) {
            for (int disp : disps) {
                list.add(Memory.at(base, disp));
            }
            list.add(Memory.atWide(base, 0));
            list.add(Memory.atWide(base, 0x10));
            Reg index = base == Reg.R15 ? Reg.R12 : Reg.of((base.ordinal() + 5) % 16);
            list.add(new Memory.Based(base, index, 4, -8, true));
        }
        int[] scales = {1, 2, 4, 8};
        int n = 0;
        for (Reg index : Reg.values()) {
            if (index == Reg.RSP) {
                continue;
            }
            for (int scale : scales) {
                Reg base = Reg.values()[n % 16];
                list.add(Memory.at(base, index, scale, disps[n % disps.length]));
                n++;
            }
            list.add(Memory.indexed(index, 1 << (index.ordinal() % 4), disps[n % disps.length]));
        }
        list.add(Memory.rip(0));
        list.add(Memory.rip(0x7000));
        return list;
    }
}
