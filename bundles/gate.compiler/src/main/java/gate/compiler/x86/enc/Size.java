package gate.compiler.x86.enc;

/**
 * Operand size of an integer instruction. DWORD and QWORD serve i32 and i64; BYTE and WORD exist
 * for the narrow loads and stores of WebAssembly ({@code i32.store8}, {@code i64.load16_s}, ...).
 */
public enum Size {
    BYTE(1), WORD(2), DWORD(4), QWORD(8);

    private final int bytes;

    Size(int bytes) {
        this.bytes = bytes;
    }

    /** Width in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Width in bits. */
    public int bits() {
        return bytes * 8;
    }
}
