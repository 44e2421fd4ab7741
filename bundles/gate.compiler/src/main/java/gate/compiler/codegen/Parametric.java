package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.x86.enc.CondRegRm;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;

/** drop and select (core §4.4.4): select is a CMOV for integers, a short branch for floats. */
final class Parametric {
    private Parametric() {}

    static void drop(FunctionState f) {
        f.drop();
    }

    static void select(FunctionState f) {
        Reg condition = f.toGp(f.pop());
        Operand b = f.pop();
        Operand a = f.pop();
        if (Operand.isFloat(a.type())) {
            Xmm second = f.toXmm(b);
            Xmm first = f.toXmm(a);
            RmReg.TEST.regReg(f.code(), Size.DWORD, condition, condition);
            Label keep = new Label();
            CondRel8.Jcc.to(f.code(), Condition.NE, keep);
            XmmRm.MOVAPS.regReg(f.code(), first, second);
            keep.bind(f.code());
            f.releaseXmm(second);
            f.pushXmm(a.type(), first);
        } else {
            Reg second = f.toGp(b);
            Reg first = f.toGp(a);
            RmReg.TEST.regReg(f.code(), Size.DWORD, condition, condition);
            CondRegRm.CMOVcc.regReg(f.code(), Condition.E, Size.QWORD, first, second);
            f.releaseGp(second);
            f.pushGp(a.type(), first);
        }
        f.releaseGp(condition);
    }
}
