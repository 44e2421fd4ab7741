package gate.compiler.gen;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.MemXmm;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.wasm.ValType;
import java.util.List;

/**
 * The locals of one function that live in registers (homes, {@link Registers#GP_HOMES} and
 * {@link Registers#XMM_HOMES}) for its whole body, so that control-flow merges need no
 * reconciliation. Their frame slots are written only before calls and suspension points
 * ({@link #store}) and read back after ({@link #load}), which keeps the stack map exact.
 */
public final class LocalRegisters {
    private final CodeBuffer code;
    private final FrameLayout frame;
    private final List<ValType> localTypes;
    private final Reg[] gpHomes;
    private final Xmm[] xmmHomes;
    /** The locals that have a home, ascending; made on first use after the homes are set. */
    private int[] homed;
    /**
     * Per local: its frame slot holds its home's value (stored or reloaded at a call since
     * the last write, with no control-flow merge in between), so a call need not store it.
     */
    private final boolean[] clean;

    LocalRegisters(CodeBuffer code, FrameLayout frame, List<ValType> localTypes) {
        this.code = code;
        this.frame = frame;
        this.localTypes = localTypes;
        this.gpHomes = new Reg[localTypes.size()];
        this.xmmHomes = new Xmm[localTypes.size()];
        this.clean = new boolean[localTypes.size()];
    }

    /** Local {@code index} was written: its slot is stale. */
    public void markDirty(int index) {
        clean[index] = false;
    }

    /**
     * At a control-flow merge (and conservatively at every control instruction): slots are
     * not known to be current.
     */
    public void dirtyAll() {
        for (int i : homed()) {
            clean[i] = false;
        }
    }

    /**
     * Before a call: writes the homes whose slots are not current (the stack map needs every
     * local in its slot at the call); the call's return reloads them ({@link #load(int)}).
     */
    public void storeForCall() {
        for (int i : homed()) {
            if (!clean[i]) {
                storeOne(i);
                clean[i] = true;
            }
        }
    }

    private void storeOne(int i) {
        if (gpHomes[i] != null) {
            RmReg.MOV.memReg(code, Size.QWORD, frame.local(i), gpHomes[i]);
        } else {
            MemXmm.MOVSD.memReg(code, frame.local(i), xmmHomes[i]);
        }
    }


    /** Keeps local {@code index} in {@code reg} for the whole function. */
    public void home(int index, Reg reg) {
        gpHomes[index] = reg;
        homed = null;
    }

    public void home(int index, Xmm reg) {
        xmmHomes[index] = reg;
        homed = null;
    }

    /** Indices of the locals with a home (a function may have thousands of locals). */
    private int[] homed() {
        if (homed == null) {
            int n = 0;
            for (int i = 0; i < gpHomes.length; i++) {
                n += gpHomes[i] != null || xmmHomes[i] != null ? 1 : 0;
            }
            homed = new int[n];
            n = 0;
            for (int i = 0; i < gpHomes.length; i++) {
                if (gpHomes[i] != null || xmmHomes[i] != null) {
                    homed[n++] = i;
                }
            }
        }
        return homed;
    }

    /** The register local {@code index} lives in, or null if it lives in its frame slot. */
    public Reg gp(int index) {
        return gpHomes[index];
    }

    public Xmm xmm(int index) {
        return xmmHomes[index];
    }

    /** The home register of a lazily read local, or null. */
    public Reg gpOf(Operand operand) {
        return operand instanceof Operand.Local l ? gpHomes[l.index()] : null;
    }

    public Xmm xmmOf(Operand operand) {
        return operand instanceof Operand.Local l ? xmmHomes[l.index()] : null;
    }

    /** True if some local lives in {@code reg}. */
    public boolean isHome(Reg reg) {
        for (Reg home : gpHomes) {
            if (home == reg) {
                return true;
            }
        }
        return false;
    }

    /** True if some local lives in a register. */
    public boolean any() {
        return homed().length > 0;
    }

    /**
     * Writes every register-homed local to its frame slot: at a suspension point's out-of-line
     * path, so that the stack map finds every local in memory. Leaves the tracking of current
     * slots alone (that code is emitted after the body).
     */
    public void store() {
        for (int i : homed()) {
            storeOne(i);
        }
    }

    /**
     * At function entry: parameters into their homes (from their argument register or their
     * slot), register parameters without a home to their slot (none in frameless code, which
     * never reads them), declared locals' homes zeroed (their frame slots are only written by
     * {@link #store}).
     */
    public void init(RegisterArgs args) {
        for (int i = 0; i < gpHomes.length; i++) {
            boolean param = i < frame.params();
            Reg argGp = param ? args.gp(i) : null;
            Xmm argXmm = param ? args.xmm(i) : null;
            if (gpHomes[i] != null) {
                if (argGp == gpHomes[i]) {
                    continue; // the parameter stays in its argument register
                } else if (argGp != null) {
                    RmReg.MOV.regReg(code, FunctionState.size(localTypes.get(i)), gpHomes[i], argGp);
                } else if (param) {
                    RegRm.MOV.regMem(code, FunctionState.size(localTypes.get(i)), gpHomes[i], frame.local(i));
                } else {
                    // Declared locals start at zero, references at null (core §4.4.10).
                    if (localTypes.get(i).isReference()) {
                        RegImm.MOV.regImm(code, Size.QWORD, gpHomes[i], -1L);
                    } else {
                        RmReg.XOR.regReg(code, Size.DWORD, gpHomes[i], gpHomes[i]);
                    }
                }
            } else if (xmmHomes[i] != null) {
                if (argXmm != null) {
                    XmmRm.MOVAPS.regReg(code, xmmHomes[i], argXmm);
                } else if (param) {
                    (localTypes.get(i) == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD)
                            .regMem(code, xmmHomes[i], frame.local(i));
                } else {
                    XmmRm.XORPS.regReg(code, xmmHomes[i], xmmHomes[i]);
                }
            } else if (frame.isFrameless()) {
                continue; // a frameless body reads only homed locals (GuardShape): no slot
            } else if (argGp != null) {
                RmReg.MOV.memReg(code, Size.QWORD, frame.local(i), argGp);
            } else if (argXmm != null) {
                MemXmm.MOVSD.memReg(code, frame.local(i), argXmm);
            }
        }
    }

    /** Reloads register-homed locals from their frame slots (a suspension's resume). */
    public void load() {
        for (int i : homed()) {
            loadOne(i);
        }
    }

    /**
     * {@link #load()} except local {@code skip}, which the next instruction overwrites (the
     * caller knows that nothing reads it before).
     */
    public void load(int skip) {
        for (int i : homed()) {
            clean[i] = i != skip;
            if (i != skip) {
                loadOne(i);
            }
        }
    }

    private void loadOne(int i) {
        if (gpHomes[i] != null) {
            RegRm.MOV.regMem(code, FunctionState.size(localTypes.get(i)), gpHomes[i], frame.local(i));
        } else {
            (localTypes.get(i) == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD)
                    .regMem(code, xmmHomes[i], frame.local(i));
        }
    }
}
