package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRmImm8;

/**
 * WebAssembly's fceil, ffloor, ftrunc and fnearest (core §4.3.3) as one SSE4.1 ROUNDSS/ROUNDSD
 * each. The immediate selects the rounding direction (bits 1:0), tells the CPU not to use MXCSR
 * (bit 2 clear) and suppresses the precision exception (bit 3), which Wasm never observes anyway.
 * NaN inputs give a quiet NaN, as the spec allows. Register contract: {@code target <- op(source)}.
 */
public enum FloatRounding {
    /** Round half to even ({@code nearest}). */
    NEAREST(0),
    FLOOR(1),
    CEIL(2),
    TRUNC(3);

    private static final int SUPPRESS_PRECISION_EXCEPTION = 8;

    private final int mode;

    FloatRounding(int mode) {
        this.mode = mode;
    }

    /** The ROUNDSS/ROUNDSD immediate. */
    public int immediate() {
        return mode | SUPPRESS_PRECISION_EXCEPTION;
    }

    /** Emits the f32 form. */
    public void f32(CodeBuffer code, Xmm target, Xmm source) {
        XmmRmImm8.ROUNDSS.regRegImm(code, target, source, immediate());
    }

    /** Emits the f64 form. */
    public void f64(CodeBuffer code, Xmm target, Xmm source) {
        XmmRmImm8.ROUNDSD.regRegImm(code, target, source, immediate());
    }
}
