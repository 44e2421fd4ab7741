package gate.compiler.x86.enc;

/**
 * The 16 general-purpose registers of x86-64, in hardware encoding order. The operand size decides
 * which part is used (al, ax, eax or rax); {@link #name(Size)} gives the Intel name of that part.
 */
public enum Reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15;

    private static final String[] LEGACY = {"a", "c", "d", "b", "sp", "bp", "si", "di"};

    /** The 4-bit hardware number (0-15). */
    public int code() {
        return ordinal();
    }

    /** The low 3 bits, which go into ModRM, SIB or the opcode; the fourth goes into REX. */
    int low3() {
        return ordinal() & 7;
    }

    /** True for r8-r15, which need a REX extension bit. */
    boolean extended() {
        return ordinal() >= 8;
    }

    /**
     * True when a byte-sized use needs a REX prefix to mean spl, bpl, sil or dil: without REX the
     * same encodings mean ah, ch, dh and bh (Intel SDM vol. 2, 2.2.1.2).
     */
    boolean byteNeedsRex() {
        return ordinal() >= 4 && ordinal() < 8;
    }

    /** The register with hardware number {@code code}. */
    public static Reg of(int code) {
        return values()[code];
    }

    /** The Intel name of this register's {@code size} part, e.g. {@code r8d} or {@code sil}. */
    public String name(Size size) {
        if (extended()) {
            String base = "r" + ordinal();
            return switch (size) {
                case BYTE -> base + "b";
                case WORD -> base + "w";
                case DWORD -> base + "d";
                case QWORD -> base;
            };
        }
        String stem = LEGACY[ordinal()];
        boolean letter = stem.length() == 1;
        return switch (size) {
            case BYTE -> stem + "l";
            case WORD -> letter ? stem + "x" : stem;
            case DWORD -> letter ? "e" + stem + "x" : "e" + stem;
            case QWORD -> letter ? "r" + stem + "x" : "r" + stem;
        };
    }

    @Override
    public String toString() {
        return name(Size.QWORD);
    }
}
