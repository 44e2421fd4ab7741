package gate.compiler.x86.enc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Operand errors are code generator bugs: they must fail loudly and leave no half-written
 * instruction behind.
 */
class EncoderMisuseTest {
    private final CodeBuffer code = new CodeBuffer();

    @Test
    void invalidMemoryOperands() {
        assertThrows(IllegalArgumentException.class, () -> Memory.at(Reg.RAX, Reg.RSP, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Memory.at(Reg.RAX, Reg.RCX, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Memory.Based(null, null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Memory.Based(Reg.RAX, null, 2, 0));
    }

    @Test
    void sizesAFormLacks() {
        assertThrows(IllegalArgumentException.class,
                () -> RegMem.LEA.regMem(code, Size.BYTE, Reg.RAX, Memory.at(Reg.RAX)));
        assertThrows(IllegalArgumentException.class,
                () -> RegRm.IMUL.regReg(code, Size.BYTE, Reg.RAX, Reg.RCX));
        assertThrows(IllegalArgumentException.class,
                () -> RegRmExtend.MOVSXD.regReg(code, Size.DWORD, Reg.RAX, Reg.RCX));
        assertThrows(IllegalArgumentException.class,
                () -> RegInOpcode.PUSH.reg(code, Size.DWORD, Reg.RAX));
        assertThrows(IllegalArgumentException.class,
                () -> XmmGp.CVTSI2SD.regReg(code, Size.WORD, Xmm.XMM0, Reg.RAX));
        assertThrows(IllegalArgumentException.class,
                () -> RmImm8.SHL.regImm(code, Size.BYTE, Reg.RAX, 1));
        assertEquals(0, code.position(), "a rejected instruction must not be half-written");
    }

    @Test
    void immediatesOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> RmImm8.ADD.regImm(code, Size.DWORD, Reg.RAX, 128));
        assertThrows(IllegalArgumentException.class,
                () -> RmImm8.SHL.regImm(code, Size.DWORD, Reg.RAX, -1));
        assertThrows(IllegalArgumentException.class,
                () -> RmImm32.MOV.regImm(code, Size.BYTE, Reg.RAX, 0x100));
        assertThrows(IllegalArgumentException.class,
                () -> RmImm32.MOV.regImm(code, Size.WORD, Reg.RAX, -0x8001));
        assertThrows(IllegalArgumentException.class,
                () -> RegImm.MOV.regImm(code, Size.DWORD, Reg.RAX, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class,
                () -> XmmRmImm8.ROUNDSS.regRegImm(code, Xmm.XMM0, Xmm.XMM1, 256));
        assertEquals(0, code.position(), "a rejected instruction must not be half-written");
    }

    @Test
    void shortBranchOutOfReach() {
        code.fill(0x90, 200);
        assertThrows(IllegalArgumentException.class, () -> Rel8.JMP.to(code, 0));
    }

    @Test
    void forwardShortBranchOutOfReachFailsAtBind() {
        Label label = new Label();
        CondRel8.Jcc.to(code, Condition.NE, label);
        code.fill(0xcc, 128);
        assertThrows(IllegalStateException.class, () -> label.bind(code));
    }

    @Test
    void labelBindsOnce() {
        Label label = new Label();
        assertThrows(IllegalStateException.class, label::address);
        label.bind(code);
        assertThrows(IllegalStateException.class, () -> label.bind(code));
    }

    @Test
    void retargetChecksTheInstruction() {
        NoOperand.NOP.emit(code);
        Rel32.CALL.to(code, 0);
        assertThrows(IllegalArgumentException.class, () -> Rel32.JMP.retarget(code, 6, 0));
        Rel32.CALL.retarget(code, 6, 0x40);
        assertEquals(0x40 - 6, code.read32(2));
    }
}
