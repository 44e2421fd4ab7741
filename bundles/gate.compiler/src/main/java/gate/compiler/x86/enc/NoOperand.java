package gate.compiler.x86.enc;

/** Intel operand encoding "ZO": instructions without explicit operands. */
public enum NoOperand {
    /** Near return. */
    RET(0xC3),
    /** Breakpoint trap (#BP); also the filler byte for unreachable padding. */
    INT3(0xCC),
    /** Guaranteed invalid opcode (#UD). */
    UD2(0x0F0B),
    /** Sign-extend eax into edx:eax (before a 32-bit IDIV). */
    CDQ(0x99),
    /** Sign-extend rax into rdx:rax (before a 64-bit IDIV); REX.W CDQ. */
    CQO(0x4899),
    /** One-byte no-operation; see {@link Nops} for longer padding. */
    NOP(0x90);

    private final int bytes;

    NoOperand(int bytes) {
        this.bytes = bytes;
    }

    /** Appends the instruction. */
    public void emit(CodeBuffer code) {
        Encoding.opcode(code, bytes);
    }
}
