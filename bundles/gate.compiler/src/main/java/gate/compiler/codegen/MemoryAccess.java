package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.x86.Abi;
import gate.compiler.x86.FloatAccess;
import gate.compiler.x86.IntLoad;
import gate.compiler.x86.IntStore;
import gate.compiler.x86.LinearMemory;
import gate.compiler.x86.RuntimeSlot;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.engine.TrapId;
import gate.wasm.ValType;
import gate.wasm.code.MemArg;
import gate.wasm.code.Opcode;

/**
 * Loads, stores, memory.size and memory.grow (core §4.4.7). Bounds come from the guard region
 * ({@link LinearMemory}); only offsets beyond its guarantee get an explicit check.
 */
final class MemoryAccess {
    private static final IntLoad[] LOADS = new IntLoad[Opcode.values().length];
    private static final IntStore[] STORES = new IntStore[Opcode.values().length];

    static {
        for (IntLoad load : IntLoad.values()) {
            LOADS[Opcode.valueOf(load.name()).ordinal()] = load;
        }
        for (IntStore store : IntStore.values()) {
            STORES[Opcode.valueOf(store.name()).ordinal()] = store;
        }
    }

    private MemoryAccess() {}

    /** The effective address of a popped address operand; {@code held[0]} gets its register. */
    private static Memory address(FunctionState f, Operand address, MemArg arg, int width,
            Reg[] held) {
        if (address instanceof Operand.Const c) {
            Memory constant = LinearMemory.constant(c.bits() & 0xffffffffL, arg.offset());
            if (constant != null) {
                return constant;
            }
        }
        Reg home = f.homes().gpOf(address);
        if (home != null && LinearMemory.fitsDisplacement(arg.offset())) {
            // An i32 local's home is zero-extended: it serves as the index as it is.
            return LinearMemory.dynamic(home, arg.offset());
        }
        Reg reg = f.toGp(address);
        held[0] = reg;
        if (LinearMemory.fitsDisplacement(arg.offset())) {
            return LinearMemory.dynamic(reg, arg.offset());
        }
        // An offset of 2^31 or more: compute the 64-bit end and trap unless it is below 2^32.
        CodeBuffer code = f.code();
        f.loadConst(Reg.RCX, arg.offset());
        RmReg.ADD.regReg(code, Size.QWORD, reg, Reg.RCX);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RCX, Memory.at(reg, width));
        RmImm8.SHR.regImm(code, Size.QWORD, Reg.RCX, 32);
        f.module().stubs().callIf(code, Condition.NE, TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        return Memory.at(Abi.MEMORY_BASE, reg, 1, 0);
    }

    static void load(FunctionState f, Opcode op, MemArg arg) {
        int start = f.code().position();
        Reg[] held = new Reg[1];
        Memory source = address(f, f.pop(), arg, op.accessSize(), held);
        if (held[0] != null) {
            f.releaseGp(held[0]);
        }
        switch (op) {
            case F32_LOAD, F64_LOAD -> {
                Xmm target = f.allocXmm();
                (op == Opcode.F32_LOAD ? FloatAccess.F32 : FloatAccess.F64)
                        .load(f.code(), target, source);
                f.pushXmm(op == Opcode.F32_LOAD ? ValType.F32 : ValType.F64, target);
            }
            default -> {
                Reg target = held[0] != null ? held[0] : f.allocGp();
                if (held[0] != null) {
                    f.claim(target);
                }
                LOADS[op.ordinal()].emit(f.code(), target, source);
                f.pushGp(op.results().get(0), target);
            }
        }
        f.trapRange(start);
    }

    static void store(FunctionState f, Opcode op, MemArg arg) {
        int start = f.code().position();
        Operand value = f.pop();
        Reg[] held = new Reg[1];
        Memory target = address(f, f.pop(), arg, op.accessSize(), held);
        switch (op) {
            case F32_STORE, F64_STORE -> {
                Xmm reg = f.toXmm(value);
                (op == Opcode.F32_STORE ? FloatAccess.F32 : FloatAccess.F64)
                        .store(f.code(), target, reg);
                f.releaseXmm(reg);
            }
            default -> {
                IntStore store = STORES[op.ordinal()];
                if (value instanceof Operand.Const c && store.fitsImmediate(c.bits())) {
                    store.emitConstant(f.code(), target, c.bits());
                } else {
                    Reg reg = f.toGp(value);
                    store.emit(f.code(), target, reg);
                    f.releaseGp(reg);
                }
            }
        }
        if (held[0] != null) {
            f.releaseGp(held[0]);
        }
        f.trapRange(start);
    }

    /** Frees the registers a runtime slot clobbers (DESIGN.md §5: rax, rcx, r11, rdi, rsi). */
    static void aroundSlot(FunctionState f) {
        f.evict(Reg.RAX);
        f.evict(Reg.R11);
        f.evict(Reg.RDI);
        f.evict(Reg.RSI);
    }

    static void size(FunctionState f) {
        aroundSlot(f);
        RuntimeSlot.SIZE.call(f.code());
        f.claim(Reg.RAX);
        RmReg.MOV.regReg(f.code(), Size.DWORD, Reg.RAX, Reg.RAX);
        f.pushGp(ValType.I32, Reg.RAX);
    }

    static void grow(FunctionState f) {
        Operand delta = f.pop();
        f.evict(Reg.RDI);
        f.loadInto(Reg.RDI, delta);
        f.release(delta);
        aroundSlot(f);
        RuntimeSlot.GROW.call(f.code());
        f.claim(Reg.RAX);
        RmReg.MOV.regReg(f.code(), Size.DWORD, Reg.RAX, Reg.RAX);
        f.pushGp(ValType.I32, Reg.RAX);
    }
}
