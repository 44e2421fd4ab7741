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
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two-operand integer forms (RM, MR, extensions, LEA) checked against objdump for every register
 * pair, every size and every kind of memory operand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegerFormsTest {
    private static final Set<RegRm> RM_WITH_BYTE = EnumSet.range(RegRm.MOV, RegRm.CMP);
    private static final List<Memory> MEMORIES = Intel.memories();

    private final Disassembly dis = new Disassembly();

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        recordRegRm();
        recordRegRmExtend();
        recordLea();
        recordRmReg();
        dis.run(objdump);
    }

    private void recordRegRm() {
        for (RegRm insn : RegRm.values()) {
            for (Size size : Size.values()) {
                if (size == Size.BYTE && !RM_WITH_BYTE.contains(insn)) {
                    continue;
                }
                String m = mnemonic(insn) + " ";
                for (Reg r : Reg.values()) {
                    for (Reg rm : Reg.values()) {
                        dis.expect("RegRm", m + reg(size, r) + "," + reg(size, rm),
                                c -> insn.regReg(c, size, r, rm));
                    }
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    Reg r = Reg.of(i % 16);
                    expectMem("RegRm", m + reg(size, r) + "," + ptr(size), memory, "",
                            c -> insn.regMem(c, size, r, memory));
                }
            }
        }
    }

    private void recordRegRmExtend() {
        for (RegRmExtend insn : RegRmExtend.values()) {
            String m = switch (insn) {
                case MOVZX8, MOVZX16 -> "movzx ";
                case MOVSX8, MOVSX16 -> "movsx ";
                case MOVSXD -> "movsxd ";
            };
            Size source = switch (insn) {
                case MOVZX8, MOVSX8 -> Size.BYTE;
                case MOVZX16, MOVSX16 -> Size.WORD;
                case MOVSXD -> Size.DWORD;
            };
            Set<Size> sizes = insn == RegRmExtend.MOVSXD
                    ? EnumSet.of(Size.QWORD) : EnumSet.of(Size.DWORD, Size.QWORD);
            for (Size size : sizes) {
                for (Reg r : Reg.values()) {
                    for (Reg rm : Reg.values()) {
                        dis.expect("RegRmExtend", m + reg(size, r) + "," + reg(source, rm),
                                c -> insn.regReg(c, size, r, rm));
                    }
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    Reg r = Reg.of(i % 16);
                    expectMem("RegRmExtend", m + reg(size, r) + "," + ptr(source), memory, "",
                            c -> insn.regMem(c, size, r, memory));
                }
            }
        }
    }

    private void recordLea() {
        for (Size size : EnumSet.of(Size.DWORD, Size.QWORD)) {
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Reg r = Reg.of(i % 16);
                expectMem("RegMem", "lea " + reg(size, r) + ",", memory, "",
                        c -> RegMem.LEA.regMem(c, size, r, memory));
            }
        }
    }

    private void recordRmReg() {
        for (RmReg insn : RmReg.values()) {
            String m = mnemonic(insn) + " ";
            for (Size size : Size.values()) {
                for (Reg rm : Reg.values()) {
                    for (Reg r : Reg.values()) {
                        dis.expect("RmReg", m + reg(size, rm) + "," + reg(size, r),
                                c -> insn.regReg(c, size, rm, r));
                    }
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    Reg r = Reg.of(i % 16);
                    expectMem("RmReg", m + ptr(size), memory, "," + reg(size, r),
                            c -> insn.memReg(c, size, memory, r));
                }
            }
        }
    }

    /** Records {@code before + memory + after}. */
    private void expectMem(String group, String before, Memory memory, String after,
            Consumer<CodeBuffer> emit) {
        dis.expect(group, end -> before + mem(memory, end) + after, emit);
    }

    @Test
    void regRm() {
        assertMatches(dis, "RegRm");
    }

    @Test
    void regRmExtend() {
        assertMatches(dis, "RegRmExtend");
    }

    @Test
    void lea() {
        assertMatches(dis, "RegMem");
    }

    @Test
    void rmReg() {
        assertMatches(dis, "RmReg");
    }
}
