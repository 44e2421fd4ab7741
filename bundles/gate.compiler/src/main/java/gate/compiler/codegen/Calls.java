package gate.compiler.codegen;

import gate.compiler.gen.AreaLayout;
import gate.compiler.gen.FrameLayout;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.gen.SiteKind;
import gate.compiler.x86.Abi;
import gate.compiler.x86.TrapStubs;
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
 * bottom of its frame, where the callee finds them above its return address; results come back
 * in the same area ({@link FrameLayout}). Every operand is spilled first, so the return address
 * maps to an exact frame state ({@link SiteKind#CALL}).
 */
final class Calls {
    private Calls() {}

    static void call(FunctionState f, int function) {
        FuncType type = f.module().module().functionType(function);
        passArguments(f, type);
        f.homes().store();
        Rel32.CALL.to(f.code(), f.module().function(function));
        // A host function's results come back in the outgoing area only: the runtime resumes
        // the caller directly after running it (gate.executor callHost).
        returned(f, type, function >= f.module().module().importedFunctionCount());
    }

    /**
     * call_indirect: bounds (INDIRECT_CALL_INDEX_OUT_OF_BOUNDS), null (NO_FUNCTION) and signature
     * (INDIRECT_CALL_SIGNATURE_MISMATCH) checks, as the interpreter orders them.
     */
    static void callIndirect(FunctionState f, int typeIndex, int table) {
        CodeBuffer code = f.code();
        ModuleState module = f.module();
        TrapStubs stubs = module.stubs();
        AreaLayout.Region region = module.area().tables().get(table);
        Reg target = f.toGp(f.pop());
        int start = code.position();
        RegRm.CMP.regMem(code, Size.DWORD, target,
                Memory.at(Abi.MEMORY_BASE, region.offset()));
        stubs.callIf(code, Condition.AE, TrapId.INDIRECT_CALL_INDEX_OUT_OF_BOUNDS);
        RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX,
                Memory.at(Abi.MEMORY_BASE, target, 8, region.elementsOffset()));
        RmImm8.CMP.regImm(code, Size.QWORD, Reg.RCX, -1);
        stubs.callIf(code, Condition.E, TrapId.NO_FUNCTION);
        AreaLayout.Region foreign = module.area().foreign();
        int own = module.module().functionCount();
        Label other = new Label();
        Label found = new Label();
        RmImm32.CMP.regImm(code, Size.DWORD, Reg.RCX, own);
        CondRel32.Jcc.to(code, Condition.AE, other);
        RegRm.MOV.regMem(code, Size.QWORD, target,
                Memory.at(Abi.TEXT_BASE, Reg.RCX, 8, module.functionTable()));
        Rel32.JMP.to(code, found);
        other.bind(code);
        // Element own + k is foreign function k (AreaLayout): its entry leads to the foreign stub,
        // and the pending cell tells the host which function to call. An element the host has
        // not assigned (or any, in a module without the region) cannot be there: trap anyway.
        if (foreign.capacity() == 0) {
            stubs.call(code, TrapId.NO_FUNCTION);
        } else {
            RmImm32.SUB.regImm(code, Size.DWORD, Reg.RCX, own);
            RegRm.CMP.regMem(code, Size.DWORD, Reg.RCX, Memory.at(Abi.MEMORY_BASE, foreign.offset()));
            stubs.callIf(code, Condition.AE, TrapId.NO_FUNCTION);
            RmReg.MOV.memReg(code, Size.QWORD, Memory.at(Abi.MEMORY_BASE, foreign.offset() + 8), Reg.RCX);
            RegRm.MOV.regMem(code, Size.QWORD, target,
                    Memory.at(Abi.MEMORY_BASE, Reg.RCX, 8, foreign.offset() + 16));
        }
        found.bind(code);
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RCX, target);
        RmImm8.SHR.regImm(code, Size.QWORD, Reg.RCX, 32);
        RmImm32.CMP.regImm(code, Size.DWORD, Reg.RCX, module.typeId(typeIndex));
        stubs.callIf(code, Condition.NE, TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH);
        f.trapRange(start);
        RmReg.MOV.regReg(code, Size.DWORD, target, target);
        RmReg.ADD.regReg(code, Size.QWORD, target, Abi.TEXT_BASE);
        FuncType type = module.module().types().get(typeIndex);
        passArguments(f, type);
        f.homes().store();
        RmQword.CALL.reg(code, target);
        f.releaseGp(target);
        // The table may hold imported functions: results from the outgoing area.
        returned(f, type, false);
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
        f.homes().load();
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
