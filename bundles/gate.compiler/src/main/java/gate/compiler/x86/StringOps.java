package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;

/**
 * The x86 string instructions bulk memory and table operations use: {@code rep movs} and
 * {@code rep stos} with the count in rcx, the source in rsi, the destination in rdi and the fill
 * value in rax; the direction flag is set only around a backward copy and cleared right after, as
 * the ABI expects it clear.
 */
public enum StringOps {
    REP_MOVSB(0xF3, 0xA4),
    REP_MOVSQ(0xF3, 0x48, 0xA5),
    REP_STOSB(0xF3, 0xAA),
    REP_STOSQ(0xF3, 0x48, 0xAB),
    /** Clear the direction flag (copy forward). */
    CLD(0xFC),
    /** Set the direction flag (copy backward). */
    STD(0xFD);

    private final int[] bytes;

    StringOps(int... bytes) {
        this.bytes = bytes;
    }

    public void emit(CodeBuffer code) {
        for (int b : bytes) {
            code.emit8(b);
        }
    }
}
