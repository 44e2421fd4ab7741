package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.compiler.x86.Abi;
import gate.wasm.ValType;

/**
 * Locals (in the frame, {@link gate.compiler.gen.FrameLayout}) and globals (below the memory
 * base, {@link gate.compiler.gen.AreaLayout}): core §4.4.5. A get loads into a register at once,
 * so that no operand ever aliases a variable that a later set changes.
 */
final class Variables {
    private Variables() {}

    static void load(FunctionState f, ValType type, Memory source) {
        if (Operand.isFloat(type)) {
            Xmm reg = f.allocXmm();
            (type == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD).regMem(f.code(), reg, source);
            f.pushXmm(type, reg);
        } else {
            Reg reg = f.allocGp();
            RegRm.MOV.regMem(f.code(), FunctionState.size(type), reg, source);
            f.pushGp(type, reg);
        }
    }

    static void localGet(FunctionState f, int index) {
        load(f, f.localType(index), f.frame().local(index));
    }

    static void localSet(FunctionState f, int index) {
        Operand value = f.pop();
        f.store(f.frame().local(index), value);
        f.release(value);
    }

    static void localTee(FunctionState f, int index) {
        f.store(f.frame().local(index), f.peek(0));
    }

    private static Memory global(FunctionState f, int index) {
        return Memory.at(Abi.MEMORY_BASE, f.module().area().global(index));
    }

    static void globalGet(FunctionState f, int index) {
        load(f, f.module().module().globalType(index).type(), global(f, index));
    }

    static void globalSet(FunctionState f, int index) {
        Operand value = f.pop();
        f.store(global(f, index), value);
        f.release(value);
    }
}
