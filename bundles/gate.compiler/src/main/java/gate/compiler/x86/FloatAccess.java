package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.MemXmm;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import java.util.Locale;

/**
 * The float loads and stores of WebAssembly (core §4.4.7). MOVSS/MOVSD from memory zero the rest
 * of the register; the bits are moved unchanged, so NaN payloads survive (core §4.3.3 leaves
 * loads and stores bit-exact).
 */
public enum FloatAccess {
    F32(XmmRm.MOVSS, MemXmm.MOVSS),
    F64(XmmRm.MOVSD, MemXmm.MOVSD);

    private final XmmRm load;
    private final MemXmm store;

    FloatAccess(XmmRm load, MemXmm store) {
        this.load = load;
        this.store = store;
    }

    /** Emits {@code fN.load}; returns the offset of the instruction. */
    public int load(CodeBuffer code, Xmm target, Memory source) {
        int start = code.position();
        load.regMem(code, target, source);
        return start;
    }

    /** Emits {@code fN.store}; returns the offset of the instruction. */
    public int store(CodeBuffer code, Memory target, Xmm value) {
        int start = code.position();
        store.memReg(code, target, value);
        return start;
    }

    /** The WebAssembly value type name, {@code f32} or {@code f64}. */
    public String wasmType() {
        return name().toLowerCase(Locale.ROOT);
    }
}
