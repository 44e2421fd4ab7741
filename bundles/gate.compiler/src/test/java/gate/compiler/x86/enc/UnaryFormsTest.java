package gate.compiler.x86.enc;

import static gate.compiler.testing.ObjdumpAssertions.assertMatches;
import static gate.compiler.x86.enc.Intel.mem;
import static gate.compiler.x86.enc.Intel.mnemonic;
import static gate.compiler.x86.enc.Intel.ptr;
import static gate.compiler.x86.enc.Intel.reg;

import gate.compiler.testing.Disassembly;
import gate.compiler.testing.ObjdumpAssertions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One-operand forms (M, MC, O), the conditional forms (CMOVcc, SETcc) and the operand-less ones,
 * checked against objdump for every register, size, condition and kind of memory operand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnaryFormsTest {
    private static final List<Memory> MEMORIES = Intel.memories();
    /** objdump's condition suffixes in hardware order, written down independently. */
    private static final String[] CONDITIONS = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s",
        "ns", "p", "np", "l", "ge", "le", "g"};

    private final Disassembly dis = new Disassembly();

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        recordRm();
        recordRmCl();
        recordRmQword();
        recordRegInOpcode();
        recordConditional();
        recordNoOperand();
        dis.run(objdump);
    }

    private void recordRm() {
        for (Rm insn : Rm.values()) {
            String m = mnemonic(insn) + " ";
            for (Size size : Size.values()) {
                for (Reg r : Reg.values()) {
                    dis.expect("Rm", m + reg(size, r), c -> insn.reg(c, size, r));
                }
                for (Memory memory : MEMORIES) {
                    dis.expect("Rm", end -> m + ptr(size) + mem(memory, end),
                            c -> insn.mem(c, size, memory));
                }
            }
        }
    }

    private void recordRmCl() {
        for (RmCl insn : RmCl.values()) {
            String m = mnemonic(insn) + " ";
            for (Size size : Size.values()) {
                for (Reg r : Reg.values()) {
                    dis.expect("RmCl", m + reg(size, r) + ",cl", c -> insn.reg(c, size, r));
                }
                for (Memory memory : MEMORIES) {
                    dis.expect("RmCl", end -> m + ptr(size) + mem(memory, end) + ",cl",
                            c -> insn.mem(c, size, memory));
                }
            }
        }
    }

    private void recordRmQword() {
        for (RmQword insn : RmQword.values()) {
            String m = mnemonic(insn) + " ";
            for (Reg r : Reg.values()) {
                dis.expect("RmQword", m + reg(Size.QWORD, r), c -> insn.reg(c, r));
            }
            for (Memory memory : MEMORIES) {
                dis.expect("RmQword", end -> m + ptr(Size.QWORD) + mem(memory, end),
                        c -> insn.mem(c, memory));
            }
        }
    }

    private void recordRegInOpcode() {
        for (RegInOpcode insn : RegInOpcode.values()) {
            Set<Size> sizes = insn == RegInOpcode.BSWAP
                    ? EnumSet.of(Size.DWORD, Size.QWORD) : EnumSet.of(Size.QWORD);
            for (Size size : sizes) {
                for (Reg r : Reg.values()) {
                    dis.expect("RegInOpcode", mnemonic(insn) + " " + reg(size, r),
                            c -> insn.reg(c, size, r));
                }
            }
        }
    }

    private void recordConditional() {
        for (Condition cc : Condition.values()) {
            String cmov = "cmov" + CONDITIONS[cc.ordinal()] + " ";
            String set = "set" + CONDITIONS[cc.ordinal()] + " ";
            for (Size size : EnumSet.of(Size.WORD, Size.DWORD, Size.QWORD)) {
                for (Reg r : Reg.values()) {
                    Reg rm = Reg.of((r.ordinal() * 7 + cc.ordinal()) % 16);
                    dis.expect("CondRegRm", cmov + reg(size, r) + "," + reg(size, rm),
                            c -> CondRegRm.CMOVcc.regReg(c, cc, size, r, rm));
                }
            }
            for (Reg r : Reg.values()) {
                dis.expect("CondRm", set + reg(Size.BYTE, r), c -> CondRm.SETcc.reg(c, cc, r));
            }
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Size size = i % 2 == 0 ? Size.DWORD : Size.QWORD;
                Reg r = Reg.of(i % 16);
                dis.expect("CondRegRm", end -> cmov + reg(size, r) + "," + ptr(size)
                        + mem(memory, end), c -> CondRegRm.CMOVcc.regMem(c, cc, size, r, memory));
                dis.expect("CondRm", end -> set + ptr(Size.BYTE) + mem(memory, end),
                        c -> CondRm.SETcc.mem(c, cc, memory));
            }
        }
    }

    private void recordNoOperand() {
        String[] expected = {"ret", "int3", "ud2", "cdq", "cqo", "nop"};
        for (NoOperand insn : NoOperand.values()) {
            dis.expect("NoOperand", expected[insn.ordinal()], insn::emit);
        }
    }

    @Test
    void rm() {
        assertMatches(dis, "Rm");
    }

    @Test
    void rmCl() {
        assertMatches(dis, "RmCl");
    }

    @Test
    void rmQword() {
        assertMatches(dis, "RmQword");
    }

    @Test
    void regInOpcode() {
        assertMatches(dis, "RegInOpcode");
    }

    @Test
    void cmovcc() {
        assertMatches(dis, "CondRegRm");
    }

    @Test
    void setcc() {
        assertMatches(dis, "CondRm");
    }

    @Test
    void noOperand() {
        assertMatches(dis, "NoOperand");
    }
}
