package gate.compiler.x86.enc;

import static gate.compiler.testing.ObjdumpAssertions.assertMatches;
import static gate.compiler.x86.enc.Intel.imm;
import static gate.compiler.x86.enc.Intel.mem;
import static gate.compiler.x86.enc.Intel.mnemonic;
import static gate.compiler.x86.enc.Intel.ptr;
import static gate.compiler.x86.enc.Intel.reg;
import static gate.compiler.x86.enc.Intel.xmm;

import gate.compiler.testing.Disassembly;
import gate.compiler.testing.ObjdumpAssertions;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SSE, SSE2 and SSE4.1 scalar forms checked against objdump for every XMM register pair, every
 * general-purpose register and size, and every kind of memory operand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SseFormsTest {
    private static final List<Memory> MEMORIES = Intel.memories();
    private static final EnumSet<Size> INT_SIZES = EnumSet.of(Size.DWORD, Size.QWORD);

    private final Disassembly dis = new Disassembly();

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        recordXmmRm();
        recordStores();
        recordRound();
        recordIntegerTransfers();
        dis.run(objdump);
    }

    /** The memory operand size objdump shows for an instruction, by its mnemonic. */
    private static String xmmPtr(String mnemonic) {
        if (mnemonic.endsWith("ps") || mnemonic.endsWith("pd") || mnemonic.equals("pxor")) {
            return "XMMWORD PTR ";
        }
        if (mnemonic.endsWith("ss") && !mnemonic.equals("cvtsd2ss")
                || mnemonic.equals("cvtss2sd")) {
            return "DWORD PTR ";
        }
        return "QWORD PTR ";
    }

    private static Xmm x(int code) {
        return Xmm.of(code & 15);
    }

    private void recordXmmRm() {
        for (XmmRm insn : XmmRm.values()) {
            String m = mnemonic(insn);
            for (Xmm a : Xmm.values()) {
                for (Xmm b : Xmm.values()) {
                    dis.expect("XmmRm", m + " " + xmm(a) + "," + xmm(b), c -> insn.regReg(c, a, b));
                }
            }
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Xmm a = x(i);
                dis.expect("XmmRm", end -> m + " " + xmm(a) + "," + xmmPtr(m) + mem(memory, end),
                        c -> insn.regMem(c, a, memory));
            }
        }
    }

    private void recordStores() {
        for (MemXmm insn : MemXmm.values()) {
            String m = mnemonic(insn);
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Xmm a = x(i + 3);
                dis.expect("MemXmm", end -> m + " " + xmmPtr(m) + mem(memory, end) + "," + xmm(a),
                        c -> insn.memReg(c, memory, a));
            }
        }
    }

    private void recordRound() {
        for (XmmRmImm8 insn : XmmRmImm8.values()) {
            String m = mnemonic(insn);
            for (Xmm a : Xmm.values()) {
                for (Xmm b : Xmm.values()) {
                    int mode = (a.ordinal() + b.ordinal()) % 12;
                    dis.expect("XmmRmImm8", m + " " + xmm(a) + "," + xmm(b) + "," + imm(mode, 8),
                            c -> insn.regRegImm(c, a, b, mode));
                }
            }
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Xmm a = x(i);
                int mode = 8 | i % 4;
                dis.expect("XmmRmImm8", end -> m + " " + xmm(a) + "," + xmmPtr(m) + mem(memory, end)
                        + "," + imm(mode, 8), c -> insn.regMemImm(c, a, memory, mode));
            }
        }
    }

    private void recordIntegerTransfers() {
        for (Size size : INT_SIZES) {
            boolean q = size == Size.QWORD;
            for (XmmGp insn : XmmGp.values()) {
                String m = insn == XmmGp.MOVD && q ? "movq" : mnemonic(insn);
                for (Xmm a : Xmm.values()) {
                    for (Reg r : Reg.values()) {
                        dis.expect("XmmGp", m + " " + xmm(a) + "," + reg(size, r),
                                c -> insn.regReg(c, size, a, r));
                    }
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    Xmm a = x(i * 5);
                    dis.expect("XmmGp",
                            end -> m + " " + xmm(a) + "," + ptr(size) + mem(memory, end),
                            c -> insn.regMem(c, size, a, memory));
                }
            }
            for (GpXmm insn : GpXmm.values()) {
                String m = mnemonic(insn);
                Size source = insn == GpXmm.CVTTSS2SI ? Size.DWORD : Size.QWORD;
                for (Reg r : Reg.values()) {
                    for (Xmm a : Xmm.values()) {
                        dis.expect("GpXmm", m + " " + reg(size, r) + "," + xmm(a),
                                c -> insn.regReg(c, size, r, a));
                    }
                }
                for (int i = 0; i < MEMORIES.size(); i++) {
                    Memory memory = MEMORIES.get(i);
                    Reg r = Reg.of(i % 16);
                    dis.expect("GpXmm", end -> m + " " + reg(size, r) + "," + ptr(source)
                            + mem(memory, end), c -> insn.regMem(c, size, r, memory));
                }
            }
            String m = q ? "movq" : "movd";
            for (Reg r : Reg.values()) {
                for (Xmm a : Xmm.values()) {
                    dis.expect("GpRmXmm", m + " " + reg(size, r) + "," + xmm(a),
                            c -> GpRmXmm.MOVD.regReg(c, size, r, a));
                }
            }
            for (int i = 0; i < MEMORIES.size(); i++) {
                Memory memory = MEMORIES.get(i);
                Xmm a = x(i * 3);
                dis.expect("GpRmXmm", end -> m + " " + ptr(size) + mem(memory, end) + "," + xmm(a),
                        c -> GpRmXmm.MOVD.memReg(c, size, memory, a));
            }
        }
    }

    @Test
    void xmmRm() {
        assertMatches(dis, "XmmRm");
    }

    @Test
    void memXmm() {
        assertMatches(dis, "MemXmm");
    }

    @Test
    void xmmRmImm8() {
        assertMatches(dis, "XmmRmImm8");
    }

    @Test
    void xmmGp() {
        assertMatches(dis, "XmmGp");
    }

    @Test
    void gpXmm() {
        assertMatches(dis, "GpXmm");
    }

    @Test
    void gpRmXmm() {
        assertMatches(dis, "GpRmXmm");
    }
}
