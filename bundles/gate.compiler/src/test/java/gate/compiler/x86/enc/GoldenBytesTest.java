package gate.compiler.x86.enc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exact bytes of the encodings most easily got wrong, checked without a disassembler (the byte
 * strings come from the Intel SDM encoding rules, worked out by hand).
 */
class GoldenBytesTest {

    private static void assertBytes(String expected, Consumer<CodeBuffer> emit) {
        CodeBuffer code = new CodeBuffer();
        emit.accept(code);
        assertEquals(expected, HexFormat.ofDelimiter(" ").formatHex(code.toByteArray()));
    }

    @Test
    void rspAndR12BasesNeedSib() {
        assertBytes("48 8b 04 24",
                c -> RegRm.MOV.regMem(c, Size.QWORD, Reg.RAX, Memory.at(Reg.RSP)));
        assertBytes("49 8b 44 24 08",
                c -> RegRm.MOV.regMem(c, Size.QWORD, Reg.RAX, Memory.at(Reg.R12, 8)));
    }

    @Test
    void rbpAndR13BasesNeedDisplacement() {
        assertBytes("41 8b 45 00",
                c -> RegRm.MOV.regMem(c, Size.DWORD, Reg.RAX, Memory.at(Reg.R13)));
        assertBytes("8b 45 00", c -> RegRm.MOV.regMem(c, Size.DWORD, Reg.RAX, Memory.at(Reg.RBP)));
        // r13 as base and r12 as index: disp8 0 for the base, r12 is a fine index (REX.X).
        assertBytes("4b 8d 44 e5 00",
                c -> RegMem.LEA.regMem(c, Size.QWORD, Reg.RAX, Memory.at(Reg.R13, Reg.R12, 8, 0)));
    }

    @Test
    void indexWithoutBaseUsesDisp32() {
        assertBytes("8b 04 8d 40 00 00 00",
                c -> RegRm.MOV.regMem(c, Size.DWORD, Reg.RAX, Memory.indexed(Reg.RCX, 4, 0x40)));
    }

    @Test
    void byteRegistersSplBplSilDilNeedRex() {
        assertBytes("40 88 75 00",
                c -> RmReg.MOV.memReg(c, Size.BYTE, Memory.at(Reg.RBP), Reg.RSI));
        assertBytes("40 0f b6 c6", c -> RegRmExtend.MOVZX8.regReg(c, Size.DWORD, Reg.RAX, Reg.RSI));
        assertBytes("40 0f 94 c7", c -> CondRm.SETcc.reg(c, Condition.E, Reg.RDI));
        // al..bl need no REX: 88 d8 is mov al, bl.
        assertBytes("88 d8", c -> RmReg.MOV.regReg(c, Size.BYTE, Reg.RAX, Reg.RBX));
    }

    @Test
    void ripRelativeCountsTheTrailingImmediate() {
        // mov dword [rip+disp], imm32 at offset 0, 10 bytes long, addressing offset 0x100.
        assertBytes("c7 05 f6 00 00 00 78 56 34 12",
                c -> RmImm32.MOV.memImm(c, Size.DWORD, Memory.rip(0x100), 0x12345678));
        assertBytes("66 0f 3a 0b 05 f6 00 00 00 03",
                c -> XmmRmImm8.ROUNDSD.regMemImm(c, Xmm.XMM0, Memory.rip(0x100), 3));
    }

    @Test
    void wideImmediatesAndPrefixes() {
        assertBytes("48 b8 f0 de bc 9a 78 56 34 12",
                c -> RegImm.MOV.regImm(c, Size.QWORD, Reg.RAX, 0x123456789abcdef0L));
        assertBytes("41 b8 ff ff ff ff",
                c -> RegImm.MOV.regImm(c, Size.DWORD, Reg.R8, 0xffffffffL));
        assertBytes("48 83 c4 08", c -> RmImm8.ADD.regImm(c, Size.QWORD, Reg.RSP, 8));
        assertBytes("66 41 c7 00 34 12",
                c -> RmImm32.MOV.memImm(c, Size.WORD, Memory.at(Reg.R8), 0x1234));
        assertBytes("48 99", NoOperand.CQO::emit);
        assertBytes("66 4d 0f 6e c1", c -> XmmGp.MOVD.regReg(c, Size.QWORD, Xmm.XMM8, Reg.R9));
        assertBytes("66 f3 0f bd c1", c -> RegRm.LZCNT.regReg(c, Size.WORD, Reg.RAX, Reg.RCX));
        assertBytes("f3 45 0f b8 f8", c -> RegRm.POPCNT.regReg(c, Size.DWORD, Reg.R15, Reg.R8));
    }

    @Test
    void branchesAndPadding() {
        assertBytes("0f 84 00 00 00 00", c -> {
            Label label = new Label();
            CondRel32.Jcc.to(c, Condition.E, label);
            label.bind(c);
        });
        assertBytes("eb fe", c -> Rel8.JMP.to(c, 0));
        assertBytes("e8 fb ff ff ff", c -> Rel32.CALL.to(c, 0));
        assertBytes("66 0f 1f 84 00 00 00 00 00 90", c -> Nops.emit(c, 10));
        assertBytes("41 ff d3", c -> RmQword.CALL.reg(c, Reg.R11));
        assertBytes("41 57", c -> RegInOpcode.PUSH.reg(c, Size.QWORD, Reg.R15));
    }
}
