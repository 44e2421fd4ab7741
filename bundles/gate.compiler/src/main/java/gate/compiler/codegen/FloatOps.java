package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.gen.Registers;
import gate.compiler.x86.FloatCompare;
import gate.compiler.x86.FloatMinMax;
import gate.compiler.x86.FloatRounding;
import gate.compiler.x86.FloatSign;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.wasm.ValType;
import gate.wasm.code.Opcode;

/** Float operators (core §4.3.3) on XMM registers, through the macro layer's helpers. */
final class FloatOps {
    private FloatOps() {}

    static void binary(FunctionState f, Opcode op) {
        boolean doubles = op.params().get(0) == ValType.F64;
        String name = op.name().substring(4);
        CodeBuffer code = f.code();
        Operand second = f.pop();
        Memory inPlace = f.memoryOf(second);
        if (inPlace != null && isArithmetic(name)) {
            Xmm a = f.toXmm(f.pop());
            XmmRm instruction = switch (name) {
                case "ADD" -> doubles ? XmmRm.ADDSD : XmmRm.ADDSS;
                case "SUB" -> doubles ? XmmRm.SUBSD : XmmRm.SUBSS;
                case "MUL" -> doubles ? XmmRm.MULSD : XmmRm.MULSS;
                default -> doubles ? XmmRm.DIVSD : XmmRm.DIVSS;
            };
            instruction.regMem(code, a, inPlace);
            f.pushXmm(op.results().get(0), a);
            return;
        }
        Xmm home = f.homes().xmmOf(second);
        Xmm b = home != null ? home : f.toXmm(second);
        Xmm a = f.toXmm(f.pop());
        switch (name) {
            case "ADD" -> (doubles ? XmmRm.ADDSD : XmmRm.ADDSS).regReg(code, a, b);
            case "SUB" -> (doubles ? XmmRm.SUBSD : XmmRm.SUBSS).regReg(code, a, b);
            case "MUL" -> (doubles ? XmmRm.MULSD : XmmRm.MULSS).regReg(code, a, b);
            case "DIV" -> (doubles ? XmmRm.DIVSD : XmmRm.DIVSS).regReg(code, a, b);
            case "MIN", "MAX" -> FloatMinMax.valueOf(op.name()).emit(code, a, b);
            case "COPYSIGN" -> FloatSign.copysign(code, doubles, a, b, Registers.FLOAT_SCRATCH);
            case "GT", "GE", "LT", "LE" -> {
                // ucomis leaves "above" (CF = ZF = 0) only for ordered a > b: no NaN check.
                boolean swap = name.startsWith("L");
                (doubles ? XmmRm.UCOMISD : XmmRm.UCOMISS).regReg(code, swap ? b : a,
                        swap ? a : b);
                f.releaseXmm(a);
                if (home == null) {
                    f.releaseXmm(b);
                }
                f.push(Operand.Flags.of(name.endsWith("T") ? Condition.A : Condition.AE));
                return;
            }
            default -> {
                Reg target = f.allocGp();
                FloatCompare.valueOf(name).emit(code, doubles, target, a, b);
                f.releaseXmm(a);
                if (home == null) {
                    f.releaseXmm(b);
                }
                f.pushGp(ValType.I32, target);
                return;
            }
        }
        if (home == null) {
            f.releaseXmm(b);
        }
        f.pushXmm(op.results().get(0), a);
    }

    private static boolean isArithmetic(String name) {
        return name.equals("ADD") || name.equals("SUB") || name.equals("MUL")
                || name.equals("DIV");
    }

    static void unary(FunctionState f, Opcode op) {
        boolean doubles = op.params().get(0) == ValType.F64;
        Xmm a = f.toXmm(f.pop());
        CodeBuffer code = f.code();
        switch (op.name().substring(4)) {
            case "ABS" -> FloatSign.abs(code, doubles, a);
            case "NEG" -> FloatSign.neg(code, doubles, a);
            case "SQRT" -> (doubles ? XmmRm.SQRTSD : XmmRm.SQRTSS).regReg(code, a, a);
            case "CEIL" -> round(code, FloatRounding.CEIL, doubles, a);
            case "FLOOR" -> round(code, FloatRounding.FLOOR, doubles, a);
            case "TRUNC" -> round(code, FloatRounding.TRUNC, doubles, a);
            case "NEAREST" -> round(code, FloatRounding.NEAREST, doubles, a);
            default -> throw new IllegalArgumentException(op.toString());
        }
        f.pushXmm(op.results().get(0), a);
    }

    private static void round(CodeBuffer code, FloatRounding mode, boolean doubles, Xmm a) {
        if (doubles) {
            mode.f64(code, a, a);
        } else {
            mode.f32(code, a, a);
        }
    }
}
