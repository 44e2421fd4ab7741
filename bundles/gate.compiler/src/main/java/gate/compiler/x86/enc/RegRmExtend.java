package gate.compiler.x86.enc;

import java.util.Set;

/**
 * Intel operand encoding "RM" with a source narrower than the destination: zero or sign extension
 * into a DWORD or QWORD register. A DWORD destination also clears the upper half of the 64-bit
 * register, as every 32-bit write does.
 */
public enum RegRmExtend {
    /** Zero-extend a byte. */
    MOVZX8(0x0FB6, Size.BYTE, Encoding.DWORD_UP),
    /** Zero-extend a word. */
    MOVZX16(0x0FB7, Size.WORD, Encoding.DWORD_UP),
    /** Sign-extend a byte. */
    MOVSX8(0x0FBE, Size.BYTE, Encoding.DWORD_UP),
    /** Sign-extend a word. */
    MOVSX16(0x0FBF, Size.WORD, Encoding.DWORD_UP),
    /** Sign-extend a doubleword to a quadword (the only size it has). */
    MOVSXD(0x63, Size.DWORD, Encoding.QWORD_ONLY);

    private final int opcode;
    private final Size source;
    private final Set<Size> destinations;

    RegRmExtend(int opcode, Size source, Set<Size> destinations) {
        this.opcode = opcode;
        this.source = source;
        this.destinations = destinations;
    }

    /** The size read from the source operand. */
    public Size sourceSize() {
        return source;
    }

    /** {@code reg <- extend(rm)}; {@code size} is the destination size. */
    public void regReg(CodeBuffer code, Size size, Reg reg, Reg rm) {
        Encoding.checkSize(this, size, destinations);
        boolean forceRex = source == Size.BYTE && rm.byteNeedsRex();
        Encoding.direct(code, size, forceRex, opcode, reg.code(), rm.code());
    }

    /** {@code reg <- extend([memory])}; {@code size} is the destination size. */
    public void regMem(CodeBuffer code, Size size, Reg reg, Memory rm) {
        Encoding.checkSize(this, size, destinations);
        Encoding.memory(code, size, false, opcode, reg.code(), rm, 0);
    }
}
