package gate.compiler.x86.enc;

/**
 * Intel operand encoding "MC": shift or rotate r/m by the count in CL (masked by the CPU to 5 bits
 * for BYTE/WORD/DWORD and 6 bits for QWORD, which is what WebAssembly's shifts want). All four
 * sizes; the byte opcode is D2, the other D3.
 */
public enum RmCl {
    ROL(0),
    ROR(1),
    SHL(4),
    SHR(5),
    SAR(7);

    private static final int OPCODE = 0xD3;

    private final int extension;

    RmCl(int extension) {
        this.extension = extension;
    }

    /** {@code rm <- op(rm, cl)}. */
    public void reg(CodeBuffer code, Size size, Reg rm) {
        boolean forceRex = size == Size.BYTE && rm.byteNeedsRex();
        Encoding.direct(code, size, forceRex, opcodeFor(size), extension, rm.code());
    }

    /** {@code [memory] <- op([memory], cl)}. */
    public void mem(CodeBuffer code, Size size, Memory rm) {
        Encoding.memory(code, size, false,
                opcodeFor(size), extension, rm, 0);
    }

    private static int opcodeFor(Size size) {
        return size == Size.BYTE ? OPCODE - 1 : OPCODE;
    }
}
