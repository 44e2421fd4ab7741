package gate.compiler.x86.enc;

/** The 16 SSE registers of x86-64, in hardware encoding order. */
public enum Xmm {
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7,
    XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15;

    /** The 4-bit hardware number (0-15). */
    public int code() {
        return ordinal();
    }

    /** The register with hardware number {@code code}. */
    public static Xmm of(int code) {
        return values()[code];
    }

    @Override
    public String toString() {
        return "xmm" + ordinal();
    }
}
