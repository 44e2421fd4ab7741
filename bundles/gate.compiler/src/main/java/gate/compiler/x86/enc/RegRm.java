package gate.compiler.x86.enc;

import static gate.compiler.x86.enc.Encoding.NONE;

/**
 * Intel operand encoding "RM": {@code reg <- op(reg, r/m)}, the destination in ModRM.reg and the
 * source register or memory in ModRM.rm. Byte size exists only where the constant has a byte
 * opcode (the classic ALU group and MOV).
 */
public enum RegRm {
    MOV(0x8A, 0x8B),
    ADD(0x02, 0x03),
    OR(0x0A, 0x0B),
    ADC(0x12, 0x13),
    SBB(0x1A, 0x1B),
    AND(0x22, 0x23),
    SUB(0x2A, 0x2B),
    XOR(0x32, 0x33),
    CMP(0x3A, 0x3B),
    /** Signed multiply, truncated to the operand size. */
    IMUL(NONE, 0x0FAF),
    /** Bit scan forward; destination undefined if the source is zero. */
    BSF(NONE, 0x0FBC),
    /** Bit scan reverse; destination undefined if the source is zero. */
    BSR(NONE, 0x0FBD),
    /** Count leading zeros (ABM/LZCNT; a CPU without it runs BSR instead). */
    LZCNT(0xF3, NONE, 0x0FBD),
    /** Count trailing zeros (BMI1; a CPU without it runs BSF instead). */
    TZCNT(0xF3, NONE, 0x0FBC),
    /** Population count (POPCNT feature flag). */
    POPCNT(0xF3, NONE, 0x0FB8);

    private final int prefix;
    private final int byteOpcode;
    private final int opcode;

    RegRm(int byteOpcode, int opcode) {
        this(Encoding.NO_PREFIX, byteOpcode, opcode);
    }

    RegRm(int prefix, int byteOpcode, int opcode) {
        this.prefix = prefix;
        this.byteOpcode = byteOpcode;
        this.opcode = opcode;
    }

    /** {@code reg <- op(reg, rm)} on two registers. */
    public void regReg(CodeBuffer code, Size size, Reg reg, Reg rm) {
        boolean forceRex = size == Size.BYTE && (reg.byteNeedsRex() || rm.byteNeedsRex());
        Encoding.direct(code, Encoding.prefixes(size, prefix), Encoding.rexW(size), forceRex,
                opcodeFor(size), reg.code(), rm.code());
    }

    /** {@code reg <- op(reg, [memory])}. */
    public void regMem(CodeBuffer code, Size size, Reg reg, Memory rm) {
        boolean forceRex = size == Size.BYTE && reg.byteNeedsRex();
        Encoding.memory(code, Encoding.prefixes(size, prefix), Encoding.rexW(size), forceRex,
                opcodeFor(size), reg.code(), rm, 0);
    }

    private int opcodeFor(Size size) {
        if (size == Size.BYTE) {
            if (byteOpcode == NONE) {
                throw new IllegalArgumentException(this + " has no BYTE form");
            }
            return byteOpcode;
        }
        return opcode;
    }
}
