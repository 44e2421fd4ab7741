package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Registers;
import gate.compiler.x86.FloatToInt;
import gate.compiler.x86.IntToFloat;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmGp;
import gate.compiler.x86.enc.XmmRm;
import gate.wasm.ValType;
import gate.wasm.code.Opcode;

/** Conversions between number types (core §4.3.4), trapping ones with their trap ranges. */
final class Conversions {
    private Conversions() {}

    static void convert(FunctionState f, Opcode op) {
        ValType from = op.params().get(0);
        ValType to = op.results().get(0);
        String name = op.name();
        int start = f.code().position();
        if (name.contains("REINTERPRET")) {
            reinterpret(f, from, to);
        } else if (name.contains("TRUNC_SAT")) {
            Xmm source = f.toXmm(f.pop());
            Reg target = f.allocGp();
            FloatToInt.valueOf(name.replace("TRUNC_SAT", "TRUNC"))
                    .emitSaturating(f.code(), target, source, Registers.FLOAT_SCRATCH);
            f.releaseXmm(source);
            f.pushGp(to, target);
        } else if (name.contains("TRUNC")) {
            Xmm source = f.toXmm(f.pop());
            Reg target = f.allocGp();
            FloatToInt.valueOf(name).emitTrapping(f.code(), f.module().stubs(), target, source,
                    Registers.FLOAT_SCRATCH);
            f.trapRange(start);
            f.releaseXmm(source);
            f.pushGp(to, target);
        } else if (name.contains("CONVERT")) {
            Reg source = f.toGp(f.pop());
            Xmm target = f.allocXmm();
            IntToFloat.valueOf(name).emit(f.code(), target, source);
            f.releaseGp(source);
            f.pushXmm(to, target);
        } else if (op == Opcode.F32_DEMOTE_F64 || op == Opcode.F64_PROMOTE_F32) {
            Xmm a = f.toXmm(f.pop());
            (op == Opcode.F32_DEMOTE_F64 ? XmmRm.CVTSD2SS : XmmRm.CVTSS2SD)
                    .regReg(f.code(), a, a);
            f.pushXmm(to, a);
        } else {
            throw new IllegalArgumentException(op.toString());
        }
    }

    private static void reinterpret(FunctionState f, ValType from, ValType to) {
        Size size = FunctionState.size(from);
        if (from == ValType.F32 || from == ValType.F64) {
            Xmm source = f.toXmm(f.pop());
            Reg target = f.allocGp();
            GpRmXmm.MOVD.regReg(f.code(), size, target, source);
            f.releaseXmm(source);
            f.pushGp(to, target);
        } else {
            Reg source = f.toGp(f.pop());
            Xmm target = f.allocXmm();
            XmmGp.MOVD.regReg(f.code(), size, target, source);
            f.releaseGp(source);
            f.pushXmm(to, target);
        }
    }
}
