package gate.compiler.codegen;

import gate.compiler.gen.AreaLayout;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.x86.Abi;
import gate.compiler.x86.StringOps;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRm;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.Rel8;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;
import gate.engine.Values;
import gate.wasm.ValType;

/**
 * Tables, element segments and references (core §4.4.2, §4.4.6). Tables live in the globals
 * area ({@link AreaLayout}): a size word, then elements in the SPI's slot encoding.
 */
final class Tables {
    private Tables() {}

    private static AreaLayout.Region table(FunctionState f, int index) {
        return f.module().area().tables().get(index);
    }

    private static Memory size(AreaLayout.Region region) {
        return Memory.at(Abi.MEMORY_BASE, region.offset());
    }

    private static Memory element(AreaLayout.Region region, Reg index) {
        return Memory.at(Abi.MEMORY_BASE, index, 8, region.elementsOffset());
    }

    private static ValType type(FunctionState f, int index) {
        int imported = 0;
        for (var imp : f.module().module().imports()) {
            if (imp.desc() instanceof gate.wasm.ImportDesc.Table t) {
                if (imported++ == index) {
                    return t.type().elementType();
                }
            }
        }
        return f.module().module().tables().get(index - imported).elementType();
    }

    private static void checkIndex(FunctionState f, Reg index, AreaLayout.Region region) {
        RegRm.CMP.regMem(f.code(), Size.DWORD, index, size(region));
        f.module().stubs().callIf(f.code(), Condition.AE, TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
    }

    static void get(FunctionState f, int table) {
        int start = f.code().position();
        AreaLayout.Region region = table(f, table);
        Reg index = f.toGp(f.pop());
        checkIndex(f, index, region);
        RegRm.MOV.regMem(f.code(), Size.QWORD, index, element(region, index));
        f.trapRange(start);
        f.pushGp(type(f, table), index);
    }

    static void set(FunctionState f, int table) {
        int start = f.code().position();
        AreaLayout.Region region = table(f, table);
        Reg value = f.toGp(f.pop());
        Reg index = f.toGp(f.pop());
        checkIndex(f, index, region);
        RmReg.MOV.memReg(f.code(), Size.QWORD, element(region, index), value);
        f.trapRange(start);
        f.releaseGp(value);
        f.releaseGp(index);
    }

    static void size(FunctionState f, int table) {
        Reg reg = f.allocGp();
        RegRm.MOV.regMem(f.code(), Size.DWORD, reg, size(table(f, table)));
        f.pushGp(ValType.I32, reg);
    }

    /** table.grow: -1 beyond the capacity the area reserved (core §4.4.6 allows failure). */
    static void grow(FunctionState f, int table) {
        CodeBuffer code = f.code();
        AreaLayout.Region region = table(f, table);
        f.spillAll();
        Operand count = f.pop();
        Operand init = f.pop();
        f.loadInto(Reg.RCX, count);
        RegRm.MOV.regMem(code, Size.DWORD, Reg.RSI, size(region));
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, Memory.at(Reg.RSI, Reg.RCX, 1, 0));
        RmImm32.CMP.regImm(code, Size.QWORD, Reg.RDI, region.capacity());
        Label fail = new Label();
        Label done = new Label();
        CondRel8.Jcc.to(code, Condition.A, fail);
        RmReg.MOV.memReg(code, Size.QWORD, size(region), Reg.RDI);
        f.loadInto(Reg.RAX, init);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, element(region, Reg.RSI));
        StringOps.REP_STOSQ.emit(code);
        RmReg.MOV.regReg(code, Size.DWORD, Reg.RAX, Reg.RSI);
        Rel8.JMP.to(code, done);
        fail.bind(code);
        f.loadConst(Reg.RAX, 0xffffffffL);
        done.bind(code);
        f.claim(Reg.RAX);
        f.pushGp(ValType.I32, Reg.RAX);
    }

    static void fill(FunctionState f, int table) {
        CodeBuffer code = f.code();
        int start = code.position();
        AreaLayout.Region region = table(f, table);
        Bulk.popThree(f, Reg.RDI, Reg.RAX);
        Bulk.checkEnd(f, Reg.RDI, size(region), TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, element(region, Reg.RDI));
        StringOps.REP_STOSQ.emit(code);
        f.trapRange(start);
    }

    static void copy(FunctionState f, int destination, int source) {
        copyFrom(f, table(f, destination), table(f, source));
    }

    static void init(FunctionState f, int table, int segment) {
        copyFrom(f, table(f, table), f.module().area().elements().get(segment));
    }

    private static void copyFrom(FunctionState f, AreaLayout.Region to, AreaLayout.Region from) {
        CodeBuffer code = f.code();
        int start = code.position();
        Bulk.popThree(f, Reg.RDI, Reg.RSI);
        Bulk.checkEnd(f, Reg.RDI, size(to), TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
        Bulk.checkEnd(f, Reg.RSI, size(from), TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RDI, element(to, Reg.RDI));
        RegMem.LEA.regMem(code, Size.QWORD, Reg.RSI, element(from, Reg.RSI));
        Bulk.copy(code, 8);
        f.trapRange(start);
    }

    static void elemDrop(FunctionState f, int segment) {
        AreaLayout.Region region = f.module().area().elements().get(segment);
        RmImm32.MOV.memImm(f.code(), Size.QWORD, size(region), 0);
    }

    static void refNull(FunctionState f, ValType type) {
        f.pushConst(type, Values.NULL_REF);
    }

    static void refFunc(FunctionState f, int function) {
        f.pushConst(ValType.FUNCREF, function);
    }

    static void isNull(FunctionState f) {
        Reg reg = f.toGp(f.pop());
        RmImm8.CMP.regImm(f.code(), Size.QWORD, reg, -1);
        CondRm.SETcc.reg(f.code(), Condition.E, reg);
        RegRmExtend.MOVZX8.regReg(f.code(), Size.DWORD, reg, reg);
        f.pushGp(ValType.I32, reg);
    }
}
