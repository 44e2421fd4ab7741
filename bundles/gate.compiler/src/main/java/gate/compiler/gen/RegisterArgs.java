package gate.compiler.gen;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.MemXmm;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.wasm.ValType;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Which parameters a direct call of a defined function passes in registers: the first six
 * integer and reference parameters in {@link #GP}, the first eight float ones in {@link #XMM},
 * the rest in the caller's outgoing area as before ({@link FrameLayout}). Such a call enters the
 * callee past its memory entry (which loads these registers from the outgoing area for
 * call_indirect, the invoke thunks and the function table). The callee writes a register
 * parameter to its frame slot only where the stack map needs it (its calls, suspension points
 * and the entry stack check), so a rebuilt or suspended frame still has every parameter in its
 * slot (RUNTIME-NEEDS.md §4).
 */
public final class RegisterArgs {
    /**
     * Integer argument registers, in parameter order: the operand registers (none a home) in
     * their allocation order ({@link Registers}), so that arguments computed just before a call
     * usually are in place already.
     */
    public static final Reg[] GP = {Reg.R8, Reg.R11, Reg.RSI, Reg.RDI, Reg.RDX, Reg.RAX};
    /** Float argument registers, in parameter order. */
    public static final Xmm[] XMM = {Xmm.XMM0, Xmm.XMM1, Xmm.XMM2, Xmm.XMM3, Xmm.XMM4,
        Xmm.XMM5, Xmm.XMM6, Xmm.XMM7};

    private final List<ValType> types;
    private final Reg[] gp;
    private final Xmm[] xmm;
    private final boolean any;

    private RegisterArgs(List<ValType> types, Reg[] gp, Xmm[] xmm, boolean any) {
        this.types = types;
        this.gp = gp;
        this.xmm = xmm;
        this.any = any;
    }

    /** The assignment for a function with these parameter types. */
    public static RegisterArgs of(List<ValType> params) {
        Reg[] gp = new Reg[params.size()];
        Xmm[] xmm = new Xmm[params.size()];
        int ints = 0;
        int floats = 0;
        for (int k = 0; k < params.size(); k++) {
            if (Operand.isFloat(params.get(k))) {
                if (floats < XMM.length) {
                    xmm[k] = XMM[floats++];
                }
            } else if (ints < GP.length) {
                gp[k] = GP[ints++];
            }
        }
        return new RegisterArgs(List.copyOf(params), gp, xmm, ints + floats > 0);
    }

    /** The register parameter {@code k} arrives in, or null (float or memory parameter). */
    public Reg gp(int k) {
        return gp[k];
    }

    /** The XMM register parameter {@code k} arrives in, or null. */
    public Xmm xmm(int k) {
        return xmm[k];
    }

    /** True if parameter {@code k} arrives in a register. */
    public boolean inRegister(int k) {
        return gp[k] != null || xmm[k] != null;
    }

    /** True if some parameter arrives in a register. */
    public boolean any() {
        return any;
    }

    /** Number of parameters. */
    public int size() {
        return gp.length;
    }

    /** Loads every register parameter {@code k} from {@code slot.apply(k)}. */
    public void load(CodeBuffer code, IntFunction<Memory> slot) {
        for (int k = 0; k < gp.length; k++) {
            if (gp[k] != null) {
                RegRm.MOV.regMem(code, FunctionState.size(types.get(k)), gp[k], slot.apply(k));
            } else if (xmm[k] != null) {
                (types.get(k) == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD)
                        .regMem(code, xmm[k], slot.apply(k));
            }
        }
    }

    /** Stores every register parameter {@code k} to {@code slot.apply(k)} (8 bytes). */
    public void store(CodeBuffer code, IntFunction<Memory> slot) {
        for (int k = 0; k < gp.length; k++) {
            if (gp[k] != null) {
                RmReg.MOV.memReg(code, Size.QWORD, slot.apply(k), gp[k]);
            } else if (xmm[k] != null) {
                MemXmm.MOVSD.memReg(code, slot.apply(k), xmm[k]);
            }
        }
    }
}
