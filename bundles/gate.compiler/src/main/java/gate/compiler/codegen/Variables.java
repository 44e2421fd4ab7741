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
 * base, {@link gate.compiler.gen.AreaLayout}): core §4.4.5. local.get is lazy (the operand names
 * the local until the local changes); global.get loads at once, as calls and global.set would
 * change what a lazy global refers to.
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

    /** Lazy: the local's slot serves as the operand until the local changes. */
    static void localGet(FunctionState f, int index) {
        f.push(f.localOperand(index));
    }

    static void localSet(FunctionState f, int index) {
        Operand value = f.pop();
        f.detachLocal(index);
        f.setLocal(index, value);
        f.release(value);
    }

    static void localTee(FunctionState f, int index) {
        Operand value = f.pop();
        f.detachLocal(index);
        f.setLocal(index, value);
        f.push(value);
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
