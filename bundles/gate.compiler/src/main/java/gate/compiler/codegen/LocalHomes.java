package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.GuardShape;
import gate.compiler.gen.Operand;
import gate.compiler.gen.RegisterArgs;
import gate.compiler.gen.Registers;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.ValType;

/**
 * Chooses which locals live in registers for the whole function: a quick scan of the body counts
 * local accesses, weighting those inside loops (8x per nesting level), and the heaviest integer
 * and float locals get the home registers of {@link Registers}. A fixed home per function needs
 * no reconciliation at control-flow merges; homes are stored to the frame only around calls and
 * suspensions.
 */
final class LocalHomes {
    private LocalHomes() {}

    /**
     * @param leaf the body's {@link GuardShape} if it is a leaf, else null: a leaf's
     *     parameters keep their argument registers as homes (no copy at entry) while enough
     *     operand registers stay free for its operand stack
     */
    static void assign(FunctionState f, Module module, FunctionBody body, int locals,
            RegisterArgs args, GuardShape leaf) {
        LocalUses uses = LocalUses.scan(module.bytes(), body.codeStart(), body.end(), locals);
        long[] weight = uses.weight;
        int calls = uses.calls;
        boolean misc = uses.misc;
        // A parameter in memory must be loaded into its home: worth it only if read more than
        // once. One that arrives in a register (direct calls) would otherwise be stored to its
        // slot; its home costs a store and a load per call made, so only without calls.
        for (int i = 0; i < locals; i++) {
            if (i < f.frame().params() && weight[i] < 2
                    && !(args.inRegister(i) && calls == 0)) {
                weight[i] = 0;
            }
        }
        if (leaf != null) {
            // A leaf calls nothing and uses no fixed register but rcx: an argument register
            // can be a home; every other operand register stays free for its operands, plus
            // one for an instruction's second register operand.
            int spare = RegisterArgs.GP.length - 1 - leaf.maxHeight();
            for (int i = 0; i < args.size() && spare > 0; i++) {
                if (args.gp(i) != null && leaf.touches(i)) {
                    f.homes().home(i, args.gp(i));
                    f.reserveGp(args.gp(i));
                    weight[i] = 0;
                    spare--;
                }
            }
        }
        // The first integer parameter stays in its argument register (r8) for the whole body,
        // which saves the copy at entry, unless the body has bulk memory or table instructions
        // (they use r8 as a fixed scratch). The operand allocator then leaves r8 alone.
        Reg first = args.size() > 0 ? args.gp(0) : null;
        boolean firstHome = first != null && !misc && weight[0] > 0;
        if (firstHome) {
            f.homes().home(0, first);
            f.reserveGp(first);
            weight[0] = 0;
        }
        for (Reg home : Registers.GP_HOMES) {
            int best = heaviest(f, weight, false);
            if (best < 0) {
                break;
            }
            f.homes().home(best, home);
            weight[best] = 0;
        }
        for (Xmm home : Registers.XMM_HOMES) {
            int best = heaviest(f, weight, true);
            if (best < 0) {
                break;
            }
            f.homes().home(best, home);
            weight[best] = 0;
        }
        if (leaf == null && calls == 0) {
            extraHomes(f, weight, !misc && !uses.fixedRegisters, firstHome, args);
        }
    }

    /**
     * A body without calls needs fewer operand registers than there are: three more integer
     * locals can live in rdx, rdi and rsi ({@code gp}: when no instruction claims them or calls
     * a runtime slot that clobbers rdi or rsi; the loop suspension path stores and reloads every
     * home), keeping r8, r11 and rax for operands (select, the widest instruction left, holds
     * three registers at once; deeper operand stacks spill), or only rdx when r8 is a home, and
     * two more float locals in xmm7 and xmm6 (runtime slots never touch vector registers).
     */
    private static void extraHomes(FunctionState f, long[] weight, boolean gp,
            boolean firstHome, RegisterArgs args) {
        Reg[] extra = !gp ? new Reg[0] : firstHome ? new Reg[] {Reg.RDX}
                : new Reg[] {Reg.RDX, Reg.RDI, Reg.RSI};
        for (Reg home : extra) {
            int best = heaviest(f, weight, false);
            if (best < 0) {
                break;
            }
            if (arrivesIn(args, home, best)) {
                continue; // another parameter's argument register: init would overwrite it
            }
            f.homes().home(best, home);
            f.reserveGp(home);
            weight[best] = 0;
        }
        for (Xmm home : new Xmm[] {Xmm.XMM7, Xmm.XMM6}) {
            int best = heaviest(f, weight, true);
            if (best < 0) {
                break;
            }
            if (arrivesIn(args, home, best)) {
                continue;
            }
            f.homes().home(best, home);
            f.reserveXmm(home);
            weight[best] = 0;
        }
    }

    /** True if a parameter other than {@code local} arrives in {@code reg}. */
    private static boolean arrivesIn(RegisterArgs args, Object reg, int local) {
        for (int k = 0; k < args.size(); k++) {
            if (k != local && (args.gp(k) == reg || args.xmm(k) == reg)) {
                return true;
            }
        }
        return false;
    }

    private static int heaviest(FunctionState f, long[] weight, boolean floats) {
        int best = -1;
        for (int i = 0; i < weight.length; i++) {
            ValType type = f.localType(i);
            if (weight[i] > 0 && Operand.isFloat(type) == floats
                    && (best < 0 || weight[i] > weight[best])) {
                best = i;
            }
        }
        return best;
    }
}
