package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.x86.Abi;
import gate.compiler.x86.RuntimeSlot;
import gate.compiler.x86.StringOps;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;

/**
 * memory.fill, memory.copy, memory.init and data.drop (core §4.4.7). The memory size comes from
 * the runtime's {@code size} slot; passive segment bytes are in the text, their current lengths
 * in the globals area ({@link gate.compiler.gen.AreaLayout}).
 */
final class BulkMemory {
    private BulkMemory() {}

    /** r8 <- memory size in bytes; everything spilled. */
    private static void memoryBytes(FunctionState f) {
        f.spillAll();
        CodeBuffer code = f.code();
        RuntimeSlot.SIZE.call(code);
        RmReg.MOV.regReg(code, Size.DWORD, Reg.RAX, Reg.RAX);
        RmImm8.SHL.regImm(code, Size.QWORD, Reg.RAX, 16);
        RmReg.MOV.regReg(code, Size.QWORD, Reg.R8, Reg.RAX);
    }

    static void fill(FunctionState f) {
        CodeBuffer code = f.code();
        int start = code.position();
        memoryBytes(f);
        Bulk.popThree(f, Reg.RDI, Reg.RAX);
        Bulk.checkEnd(f, Reg.RDI, Reg.R8, TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Abi.MEMORY_BASE, Reg.RDI, 1, 0));
        StringOps.REP_STOSB.emit(code);
        f.trapRange(start);
    }

    static void copy(FunctionState f) {
        CodeBuffer code = f.code();
        int start = code.position();
        memoryBytes(f);
        Bulk.popThree(f, Reg.RDI, Reg.RSI);
        Bulk.checkEnd(f, Reg.RDI, Reg.R8, TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        Bulk.checkEnd(f, Reg.RSI, Reg.R8, TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Abi.MEMORY_BASE, Reg.RDI, 1, 0));
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RSI, Memory.at(Abi.MEMORY_BASE, Reg.RSI, 1, 0));
        Bulk.copy(code, 1);
        f.trapRange(start);
    }

    static void init(FunctionState f, int segment) {
        CodeBuffer code = f.code();
        int start = code.position();
        memoryBytes(f);
        Bulk.popThree(f, Reg.RDI, Reg.RSI);
        Bulk.checkEnd(f, Reg.RDI, Reg.R8, TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        int length = f.module().area().dataLengths()[segment];
        Bulk.checkEnd(f, Reg.RSI, Memory.at(Abi.MEMORY_BASE, length),
                TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Abi.MEMORY_BASE, Reg.RDI, 1, 0));
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RSI,
                Memory.at(Abi.TEXT_BASE, Reg.RSI, 1, f.module().dataText(segment)));
        StringOps.REP_MOVSB.emit(code);
        f.trapRange(start);
    }

    static void dataDrop(FunctionState f, int segment) {
        int length = f.module().area().dataLengths()[segment];
        RmImm32.MOV.memImm(f.code(), Size.QWORD, Memory.at(Abi.MEMORY_BASE, length), 0);
    }
}
