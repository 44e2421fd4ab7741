package gate.compiler.codegen;

import gate.compiler.gen.AreaLayout;
import gate.compiler.gen.FrameLayout;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.gen.RegisterArgs;
import gate.compiler.gen.SiteKind;
import gate.compiler.x86.Abi;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel32;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.Rel32;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmQword;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.compiler.gen.ModuleState;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.ValType;

/**
 * Direct and indirect calls (core §4.4.8). Arguments go to the caller's outgoing area at the
 * bottom of its frame, where the callee finds them above its return address, except those a
 * direct call of a defined function passes in registers ({@link ArgumentMoves}); results come
 * back in the same area ({@link FrameLayout}), or in rax. Every other operand is spilled first,
 * so the return address maps to an exact frame state ({@link SiteKind#CALL}).
 */
final class Calls {
    private Calls() {}

    static void call(FunctionState f, int function) {
        FuncType type = f.module().module().functionType(function);
        boolean defined = function >= f.module().importedFunctions();
        if (defined) {
            // Homes first: an argument register may be a home (LocalHomes), which the moves
            // overwrite; the call's return reloads them all.
            f.homes().storeForCall();
            ArgumentMoves.pass(f, type.params());
            f.needOutgoing(Math.max(type.params().size(), type.results().size()));
            Rel32.CALL.to(f.code(), f.module().registerEntry(function));
            if (!f.module().mayReturnFrameless(function)) {
                f.lookahead().pollingCall();
            }
        } else {
            passArguments(f, type);
            f.homes().storeForCall();
            Rel32.CALL.to(f.code(), f.module().function(function));
        }
        // A host function's results come back in the outgoing area only: the runtime resumes
        // the caller directly after running it (gate.executor callHost).
        returned(f, type, defined);
    }

    /**
     * call_indirect: bounds (INDIRECT_CALL_INDEX_OUT_OF_BOUNDS), null (NO_FUNCTION) and signature
     * (INDIRECT_CALL_SIGNATURE_MISMATCH) checks, as the interpreter orders them, with the traps
     * out of line; without foreign functions the signature compare also rejects null. The function table holds register entries ({@link ModuleState#fillTable}),
     * so the arguments go as for a direct call; the target address waits in the table index's
     * operand slot (free, above the arguments) while they are moved.
     */
    static void callIndirect(FunctionState f, int typeIndex, int table) {
        CodeBuffer code = f.code();
        ModuleState module = f.module();
        AreaLayout.Region region = module.area().tables().get(table);
        Reg target = f.toGp(f.pop());
        RegRm.CMP.regMem(code, Size.DWORD, target,
                Memory.at(Abi.MEMORY_BASE, region.offset()));
        f.trapIf(Condition.AE, TrapId.INDIRECT_CALL_INDEX_OUT_OF_BOUNDS);
        RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX,
                Memory.at(Abi.MEMORY_BASE, target, 8, region.elementsOffset()));
        AreaLayout.Region foreign = module.area().foreign();
        Label other = new Label();
        Label found = new Label();
        if (foreign.capacity() > 0) {
            RmImm8.CMP.regImm(code, Size.QWORD, Reg.RCX, -1);
            f.trapIf(Condition.E, TrapId.NO_FUNCTION);
            RmImm32.CMP.regImm(code, Size.DWORD, Reg.RCX, module.module().functionCount());
            CondRel32.Jcc.to(code, Condition.AE, other);
        }
        RmImm32.CMP.memImm(code, Size.DWORD,
                Memory.at(Abi.TEXT_BASE, Reg.RCX, 8, module.functionTable() + 4),
                module.typeId(typeIndex));
        if (foreign.capacity() > 0) {
            f.trapIf(Condition.NE, TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH);
        } else {
            // Null (-1) reads entry -1, whose type id matches no signature (ModuleState.NO_TYPE):
            // one compare for both checks; which trap it is, is decided out of line.
            f.trapIf(Condition.NE, () -> RmImm8.CMP.regImm(code, Size.QWORD, Reg.RCX, -1),
                    Condition.E, TrapId.NO_FUNCTION, TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH);
        }
        RegRm.MOV.regMem(code, Size.DWORD, target,
                Memory.at(Abi.TEXT_BASE, Reg.RCX, 8, module.functionTable()));
        if (foreign.capacity() > 0) {
            Rel32.JMP.to(code, found);
            other.bind(code);
            foreignEntry(f, foreign, typeIndex, target);
            found.bind(code);
        }
        RmReg.ADD.regReg(code, Size.QWORD, target, Abi.TEXT_BASE);
        FuncType type = module.module().types().get(typeIndex);
        Reg hold = holdingRegister(f, type, target);
        if (hold == null) {
            // Every operand register carries an argument: the target waits in the table
            // index's own slot, above every argument (some of which may be in theirs).
            Memory parked = f.frame().operand(f.depth());
            RmReg.MOV.memReg(code, Size.QWORD, parked, target);
            f.releaseGp(target);
            passRegisterArguments(f, type);
            RmQword.CALL.mem(code, parked);
        } else {
            // A register no argument goes to keeps the target: the mispredicted target of a
            // data-dependent call is known without a store and reload.
            if (hold != target) {
                f.claim(hold);
                RmReg.MOV.regReg(code, Size.QWORD, hold, target);
                f.releaseGp(target);
            }
            passRegisterArguments(f, type);
            RmQword.CALL.reg(code, hold);
            f.releaseGp(hold);
        }
        // An imported or foreign function in the table returns its results in the outgoing area only.
        returned(f, type, !module.tablesMayHoldOthersCode());
    }

    /**
     * Element {@code functionCount + k} is foreign function k (AreaLayout): an entry in the globals
     * area like the function table's, whose address is the foreign adapter of its type. The
     * pending cell tells the host which function to call. With rcx = the element, leaves the
     * entry's text offset in {@code target} or traps.
     */
    private static void foreignEntry(FunctionState f, AreaLayout.Region foreign, int typeIndex, Reg target) {
        CodeBuffer code = f.code();
        RmImm32.SUB.regImm(code, Size.DWORD, Reg.RCX, f.module().module().functionCount());
        RegRm.CMP.regMem(code, Size.DWORD, Reg.RCX, Memory.at(Abi.MEMORY_BASE, foreign.offset()));
        f.trapIf(Condition.AE, TrapId.NO_FUNCTION); // not assigned by the host: cannot be there
        RmReg.MOV.memReg(code, Size.QWORD, Memory.at(Abi.MEMORY_BASE, foreign.offset() + 8), Reg.RCX);
        RmImm32.CMP.memImm(code, Size.DWORD, Memory.at(Abi.MEMORY_BASE, Reg.RCX, 8, foreign.offset() + 16 + 4),
                f.module().typeId(typeIndex));
        f.trapIf(Condition.NE, TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH);
        RegRm.MOV.regMem(code, Size.DWORD, target, Memory.at(Abi.MEMORY_BASE, Reg.RCX, 8, foreign.offset() + 16));
    }

    private static void passRegisterArguments(FunctionState f, FuncType type) {
        f.homes().storeForCall(); // before the moves, as in call()
        ArgumentMoves.pass(f, type.params());
        f.needOutgoing(Math.max(type.params().size(), type.results().size()));
    }

    /**
     * {@code target} if no argument of {@code type} goes to it, else another operand register
     * none goes to (a free one if there is), or null if the arguments take them all.
     */
    private static Reg holdingRegister(FunctionState f, FuncType type, Reg target) {
        RegisterArgs args = f.module().registerArgs(type.params());
        java.util.EnumSet<Reg> taken = java.util.EnumSet.noneOf(Reg.class);
        for (int k = 0; k < args.size(); k++) {
            if (args.gp(k) != null) {
                taken.add(args.gp(k));
            }
        }
        if (!taken.contains(target)) {
            return target; // an operand's register, never a home
        }
        Reg busy = null;
        for (int i = RegisterArgs.GP.length - 1; i >= 0; i--) {
            Reg candidate = RegisterArgs.GP[i];
            if (!taken.contains(candidate) && !f.homes().isHome(candidate)) {
                if (f.isFree(candidate)) {
                    return candidate;
                }
                busy = busy == null ? candidate : busy;
            }
        }
        return busy;
    }

    /** Arguments straight to the outgoing area, then every other operand to its slot. */
    private static void passArguments(FunctionState f, FuncType type) {
        int n = type.params().size();
        int from = f.depth() - n;
        for (int k = 0; k < n; k++) {
            f.store(FrameLayout.outgoing(k), f.get(from + k));
        }
        f.truncate(from);
        f.spillAll();
        f.needOutgoing(Math.max(n, type.results().size()));
    }

    /** {@code defined}: the callee is compiled code, which also returns a single integer in rax. */
    private static void returned(FunctionState f, FuncType type, boolean defined) {
        f.site(f.code().position(), SiteKind.CALL, f.codeOffset(), f.depth());
        // A local that the next instruction sets from the result needs no reload: no operand
        // refers to it lazily (every operand is in its slot at a call).
        f.homes().load(f.lookahead().setsNext());
        if (defined && FrameLayout.resultInRax(type.results()) && f.isFree(Reg.RAX)) {
            f.claim(Reg.RAX);
            f.pushGp(type.results().get(0), Reg.RAX);
            return;
        }
        int k = 0;
        for (ValType result : type.results()) {
            Memory slot = FrameLayout.outgoing(k++);
            if (Operand.isFloat(result)) {
                Xmm reg = f.allocXmm();
                (result == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD).regMem(f.code(), reg, slot);
                f.pushXmm(result, reg);
            } else {
                Reg reg = f.allocGp();
                RegRm.MOV.regMem(f.code(), FunctionState.size(result), reg, slot);
                f.pushGp(result, reg);
            }
        }
    }
}
