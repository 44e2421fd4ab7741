package gate.compiler.codegen;

import gate.compiler.gen.FrameLayout;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.gen.RegisterArgs;
import gate.compiler.gen.Registers;
import gate.compiler.x86.Abi;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the arguments of a direct call of a defined function where {@link RegisterArgs} says:
 * memory arguments to the outgoing area, then every other operand to its slot, then the
 * register arguments. Those already in registers (operands or local homes) move first, as one
 * parallel move (a cycle goes through the scratch register); constants and values in memory are
 * loaded last, when no pending move still reads their target.
 */
final class ArgumentMoves {
    private ArgumentMoves() {}

    /** Consumes the top {@code params.size()} operands as the call's arguments. */
    static void pass(FunctionState f, List<ValType> params) {
        RegisterArgs regs = f.module().registerArgs(params);
        int n = params.size();
        int from = f.depth() - n;
        f.materializeTop();
        for (int k = 0; k < n; k++) {
            if (!regs.inRegister(k)) {
                f.store(FrameLayout.outgoing(k), f.get(from + k));
            }
        }
        // Operands below the arguments go to their slots (the CALL site's stack map); with no
        // condition left in the flags, spilling needs no register.
        for (int i = 0; i < from; i++) {
            f.spill(i);
        }
        // A pending local + constant whose home another argument overwrites is computed now.
        for (int k = 0; k < n; k++) {
            if (f.get(from + k) instanceof Operand.Offset o
                    && targetOfOther(regs, k, f.homes().gp(o.index()))) {
                f.set(from + k, Operand.Gp.of(o.type(), f.toGp(o)));
            }
        }
        List<Reg> gpFrom = new ArrayList<>();
        List<Reg> gpTo = new ArrayList<>();
        List<Xmm> xmmFrom = new ArrayList<>();
        List<Xmm> xmmTo = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Operand arg = f.get(from + k);
            if (regs.gp(k) != null) {
                Reg source = arg instanceof Operand.Gp gp ? gp.reg() : f.homes().gpOf(arg);
                if (source != null && source != regs.gp(k)) {
                    gpFrom.add(source);
                    gpTo.add(regs.gp(k));
                }
            } else if (regs.xmm(k) != null) {
                Xmm source = arg instanceof Operand.Fp fp ? fp.reg() : f.homes().xmmOf(arg);
                if (source != null && source != regs.xmm(k)) {
                    xmmFrom.add(source);
                    xmmTo.add(regs.xmm(k));
                }
            }
        }
        parallelMove(gpFrom, gpTo, Abi.SCRATCH,
                (to, source) -> RmReg.MOV.regReg(f.code(), Size.QWORD, to, source));
        parallelMove(xmmFrom, xmmTo, Registers.FLOAT_SCRATCH,
                (to, source) -> XmmRm.MOVAPS.regReg(f.code(), to, source));
        for (int k = 0; k < n; k++) {
            Operand arg = f.get(from + k);
            if (regs.gp(k) != null && !(arg instanceof Operand.Gp)
                    && f.homes().gpOf(arg) == null) {
                f.loadInto(regs.gp(k), arg);
            } else if (regs.xmm(k) != null && !(arg instanceof Operand.Fp)
                    && f.homes().xmmOf(arg) == null) {
                f.loadIntoXmm(regs.xmm(k), arg);
            }
        }
        f.truncate(from);
    }

    /** True if an argument other than {@code k} goes to {@code reg}. */
    private static boolean targetOfOther(RegisterArgs regs, int k, Reg reg) {
        for (int j = 0; j < regs.size(); j++) {
            if (j != k && regs.gp(j) == reg) {
                return true;
            }
        }
        return false;
    }

    /** Emits one register-to-register move. */
    interface Move<R> {
        void emit(R to, R source);
    }

    /**
     * Emits {@code to[j] := from[j]} for all j at once: a move whose target no pending move
     * reads goes first; when only cycles are left, one source is parked in {@code scratch}.
     */
    static <R> void parallelMove(List<R> from, List<R> to, R scratch,
            Move<R> move) {
        while (!to.isEmpty()) {
            int ready = -1;
            for (int j = 0; j < to.size() && ready < 0; j++) {
                if (!from.contains(to.get(j))) {
                    ready = j;
                }
            }
            if (ready >= 0) {
                move.emit(to.get(ready), from.get(ready));
                to.remove(ready);
                from.remove(ready);
            } else {
                move.emit(scratch, from.get(0));
                from.set(0, scratch);
            }
        }
    }
}
