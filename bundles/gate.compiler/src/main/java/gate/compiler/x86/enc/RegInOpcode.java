package gate.compiler.x86.enc;

import java.util.Set;

/**
 * Intel operand encoding "O": the register in the low 3 bits of the opcode (REX.B for r8-r15).
 * PUSH and POP are always QWORD; BSWAP is DWORD or QWORD.
 */
public enum RegInOpcode {
    PUSH(0x50, Encoding.QWORD_ONLY),
    POP(0x58, Encoding.QWORD_ONLY),
    /** Reverse the byte order. */
    BSWAP(0x0FC8, Encoding.DWORD_UP);

    private final int opcode;
    private final Set<Size> sizes;

    RegInOpcode(int opcode, Set<Size> sizes) {
        this.opcode = opcode;
        this.sizes = sizes;
    }

    /** The operation on {@code reg}. */
    public void reg(CodeBuffer code, Size size, Reg reg) {
        Encoding.checkSize(this, size, sizes);
        // PUSH and POP default to 64 bits in long mode: no REX.W for them.
        boolean w = Encoding.rexW(size) && this == BSWAP;
        Encoding.inOpcode(code, w, opcode, reg.code());
    }
}
