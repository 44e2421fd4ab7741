package gate.compiler.x86.enc;

/**
 * Intel operand encoding "MR": {@code r/m <- op(r/m, reg)}, the destination register or memory in
 * ModRM.rm and the source register in ModRM.reg. Every constant has all four sizes; the byte
 * opcode is the word/dword/qword opcode minus one.
 */
public enum RmReg {
    MOV(0x89),
    ADD(0x01),
    OR(0x09),
    ADC(0x11),
    SBB(0x19),
    AND(0x21),
    SUB(0x29),
    XOR(0x31),
    CMP(0x39),
    /** AND that only sets the flags. */
    TEST(0x85),
    /** Exchange; with a memory operand it is implicitly locked (and slow). */
    XCHG(0x87);

    private final int opcode;

    RmReg(int opcode) {
        this.opcode = opcode;
    }

    /** {@code rm <- op(rm, reg)} on two registers. */
    public void regReg(CodeBuffer code, Size size, Reg rm, Reg reg) {
        boolean forceRex = size == Size.BYTE && (reg.byteNeedsRex() || rm.byteNeedsRex());
        Encoding.direct(code, size, forceRex, opcodeFor(size), reg.code(), rm.code());
    }

    /** {@code [memory] <- op([memory], reg)}; with MOV, a store of {@code size} bytes. */
    public void memReg(CodeBuffer code, Size size, Memory rm, Reg reg) {
        boolean forceRex = size == Size.BYTE && reg.byteNeedsRex();
        Encoding.memory(code, size, forceRex, opcodeFor(size), reg.code(), rm, 0);
    }

    private int opcodeFor(Size size) {
        return size == Size.BYTE ? opcode - 1 : opcode;
    }
}
