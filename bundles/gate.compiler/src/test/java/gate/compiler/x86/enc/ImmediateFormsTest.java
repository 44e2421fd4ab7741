package gate.compiler.x86.enc;

import static gate.compiler.testing.ObjdumpAssertions.assertMatches;
import static gate.compiler.x86.enc.Intel.imm;
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
 * Forms with immediates (MI, OI, RMI) checked against objdump for every register, size and kind
 * of memory operand, with immediates at the edges of their ranges. RIP-relative cases also check
 * that the displacement counts the trailing immediate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImmediateFormsTest {
    private static final List<Memory> MEMORIES = Intel.memories();
    private static final Set<Size> WORD_UP = EnumSet.of(Size.WORD, Size.DWORD, Size.QWORD);
    private static final int[] SIGNED8 = {0, 1, 0x7f, -1, -0x80, 0x55};
    private static final int[] COUNTS = {0, 1, 5, 31, 63, 0xff};

    private final Disassembly dis = new Disassembly();

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        recordRmImm8();
        recordRmImm32();
        recordRegImm();
        recordImul();
        dis.run(objdump);
    }

    private static int[] fullImmediates(Size size) {
        return switch (size) {
            case BYTE -> new int[] {0, 0x7f, 0xff, -1, -0x80};
            case WORD -> new int[] {0, 0x7fff, 0xffff, -1, 0x1234, -0x8000};
            case DWORD, QWORD -> new int[] {0, 1, -1, 0x12345678, Integer.MIN_VALUE, 0x7fffffff};
        };
    }

    private void recordRmImm8() {
        for (RmImm8 insn : RmImm8.values()) {
            boolean shift = insn.compareTo(RmImm8.ROL) >= 0;
            int[] imms = shift ? COUNTS : SIGNED8;
            String m = mnemonic(insn) + " ";
            for (Size size : WORD_UP) {
                // objdump prints a shift count as is and an ALU immediate sign-extended.
                int bits = shift ? 8 : size.bits();
                for (Reg r : Reg.values()) {
                    int v = imms[r.ordinal() % imms.length];
                    dis.expect("RmImm8", m + reg(size, r) + "," + imm(v, bits),
                            c -> insn.regImm(c, size, r, v));
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    int v = imms[i % imms.length];
                    dis.expect("RmImm8",
                            end -> m + ptr(size) + mem(memory, end) + "," + imm(v, bits),
                            c -> insn.memImm(c, size, memory, v));
                }
            }
        }
    }

    private void recordRmImm32() {
        for (RmImm32 insn : RmImm32.values()) {
            String m = mnemonic(insn) + " ";
            for (Size size : Size.values()) {
                int[] imms = fullImmediates(size);
                for (Reg r : Reg.values()) {
                    int v = imms[r.ordinal() % imms.length];
                    dis.expect("RmImm32", m + reg(size, r) + "," + imm(v, size.bits()),
                            c -> insn.regImm(c, size, r, v));
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    int v = imms[i % imms.length];
                    dis.expect("RmImm32",
                            end -> m + ptr(size) + mem(memory, end) + "," + imm(v, size.bits()),
                            c -> insn.memImm(c, size, memory, v));
                }
            }
        }
    }

    private void recordRegImm() {
        long[] dwords = {0, 1, -1, 0x12345678, 0xffffffffL, Integer.MIN_VALUE};
        long[] qwords = {0, -1, 0x123456789abcdef0L, Long.MIN_VALUE, 0xffffffffL, 42};
        for (Reg r : Reg.values()) {
            long d = dwords[r.ordinal() % dwords.length];
            dis.expect("RegImm", "mov " + reg(Size.DWORD, r) + "," + imm(d, 32),
                    c -> RegImm.MOV.regImm(c, Size.DWORD, r, d));
            long q = qwords[r.ordinal() % qwords.length];
            dis.expect("RegImm", "movabs " + reg(Size.QWORD, r) + "," + imm(q, 64),
                    c -> RegImm.MOV.regImm(c, Size.QWORD, r, q));
        }
    }

    private void recordImul() {
        for (Size size : WORD_UP) {
            int[] imms = fullImmediates(size);
            for (Reg r : Reg.values()) {
                for (Reg rm : Reg.values()) {
                    int v8 = SIGNED8[(r.ordinal() + rm.ordinal()) % SIGNED8.length];
                    String operands = "imul " + reg(size, r) + "," + reg(size, rm) + ",";
                    dis.expect("RegRmImm8", operands + imm(v8, size.bits()),
                            c -> RegRmImm8.IMUL.regRegImm(c, size, r, rm, v8));
                    int v = imms[(r.ordinal() + rm.ordinal()) % imms.length];
                    dis.expect("RegRmImm32", operands + imm(v, size.bits()),
                            c -> RegRmImm32.IMUL.regRegImm(c, size, r, rm, v));
                }
            }
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Reg r = Reg.of(i % 16);
                int v8 = SIGNED8[i % SIGNED8.length];
                dis.expect("RegRmImm8", end -> "imul " + reg(size, r) + "," + ptr(size)
                        + mem(memory, end) + "," + imm(v8, size.bits()),
                        c -> RegRmImm8.IMUL.regMemImm(c, size, r, memory, v8));
                int v = imms[i % imms.length];
                dis.expect("RegRmImm32", end -> "imul " + reg(size, r) + "," + ptr(size)
                        + mem(memory, end) + "," + imm(v, size.bits()),
                        c -> RegRmImm32.IMUL.regMemImm(c, size, r, memory, v));
            }
        }
    }

    @Test
    void rmImm8() {
        assertMatches(dis, "RmImm8");
    }

    @Test
    void rmImm32() {
        assertMatches(dis, "RmImm32");
    }

    @Test
    void regImm() {
        assertMatches(dis, "RegImm");
    }

    @Test
    void regRmImm8() {
        assertMatches(dis, "RegRmImm8");
    }

    @Test
    void regRmImm32() {
        assertMatches(dis, "RegRmImm32");
    }
}
