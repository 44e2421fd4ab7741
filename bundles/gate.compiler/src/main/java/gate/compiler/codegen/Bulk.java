package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.x86.StringOps;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;

/**
 * What bulk memory and table operations share: operands in fixed registers (every operand is
 * spilled first, so all registers are free) and the end-of-range checks of core §4.4.7 / §4.4.6,
 * computed in 64 bits so that {@code start + count} cannot wrap.
 */
final class Bulk {
    private Bulk() {}

    /** Pops three i32 operands into rdi (first), rsi (second) and rcx (count). */
    static void popThree(FunctionState f, Reg first, Reg second) {
        f.spillAll();
        var count = f.pop();
        var b = f.pop();
        var a = f.pop();
        f.loadInto(first, a);
        f.loadInto(second, b);
        f.loadInto(Reg.RCX, count);
    }

    /** Traps with {@code trap} unless {@code start + rcx <= limit} (unsigned, 64-bit). */
    static void checkEnd(FunctionState f, Reg start, Memory limit, TrapId trap) {
        CodeBuffer code = f.code();
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDX, Memory.at(start, Reg.RCX, 1, 0));
        RegRm.CMP.regMem(code, Size.QWORD, Reg.RDX, limit);
        f.module().stubs().callIf(code, Condition.A, trap);
    }

    /** As {@link #checkEnd(FunctionState, Reg, Memory, TrapId)} against a register. */
    static void checkEnd(FunctionState f, Reg start, Reg limit, TrapId trap) {
        CodeBuffer code = f.code();
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDX, Memory.at(start, Reg.RCX, 1, 0));
        RmReg.CMP.regReg(code, Size.QWORD, Reg.RDX, limit);
        f.module().stubs().callIf(code, Condition.A, trap);
    }

    /**
     * Copies rcx units of {@code scale} bytes from rsi to rdi, backwards when the destination
     * lies above the source (overlapping ranges, core §4.4.7 memory.copy).
     */
    static void copy(CodeBuffer code, int scale) {
        Label forward = new Label();
        Label done = new Label();
        RmReg.CMP.regReg(code, Size.QWORD, Reg.RDI, Reg.RSI);
        CondRel8.Jcc.to(code, Condition.BE, forward);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Reg.RDI, Reg.RCX, scale, -scale));
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RSI, Memory.at(Reg.RSI, Reg.RCX, scale, -scale));
        StringOps.STD.emit(code);
        (scale == 1 ? StringOps.REP_MOVSB : StringOps.REP_MOVSQ).emit(code);
        StringOps.CLD.emit(code);
        Rel8.JMP.to(code, done);
        forward.bind(code);
        (scale == 1 ? StringOps.REP_MOVSB : StringOps.REP_MOVSQ).emit(code);
        done.bind(code);
    }
}
