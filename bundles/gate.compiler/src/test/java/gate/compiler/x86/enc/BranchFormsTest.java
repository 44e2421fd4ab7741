package gate.compiler.x86.enc;

import static gate.compiler.testing.ObjdumpAssertions.assertMatches;

import gate.compiler.testing.Disassembly;
import gate.compiler.testing.ObjdumpAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Relative branches (to offsets and to labels bound before and after), call retargeting and NOP
 * padding, checked against objdump. objdump prints a branch's absolute target, so each case checks
 * the displacement arithmetic too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BranchFormsTest {
    /** objdump's condition suffixes in hardware order, written down independently. */
    private static final String[] CONDITIONS = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s",
        "ns", "p", "np", "l", "ge", "le", "g"};

    private final Disassembly dis = new Disassembly();

    @BeforeAll
    void disassemble() throws Exception {
        var objdump = ObjdumpAssertions.requireObjdump();
        recordToOffsets();
        recordToLabels();
        recordRetarget();
        recordNops();
        dis.run(objdump);
    }

    private static String hex(int address) {
        return "0x" + Integer.toHexString(address);
    }

    private void recordToOffsets() {
        CodeBuffer code = dis.code();
        for (Condition cc : Condition.values()) {
            String j = "j" + CONDITIONS[cc.ordinal()] + " ";
            int back = Math.max(0, code.position() - 100);
            dis.expect("Rel", j + hex(back), c -> CondRel8.Jcc.to(c, cc, back));
            int ahead = code.position() + 2 + 127;
            dis.expect("Rel", j + hex(ahead), c -> CondRel8.Jcc.to(c, cc, ahead));
            int far = code.position() + 0x123456;
            dis.expect("Rel", j + hex(far), c -> CondRel32.Jcc.to(c, cc, far));
            int farBack = 0;
            dis.expect("Rel", j + hex(farBack), c -> CondRel32.Jcc.to(c, cc, farBack));
        }
        int here = code.position();
        dis.expect("Rel", "jmp " + hex(here), c -> Rel8.JMP.to(c, here));
        int minus128 = code.position() + 2 - 128;
        dis.expect("Rel", "jmp " + hex(minus128), c -> Rel8.JMP.to(c, minus128));
        for (Rel32 insn : Rel32.values()) {
            String m = Intel.mnemonic(insn) + " ";
            int next = code.position() + Rel32.LENGTH;
            dis.expect("Rel", m + hex(next), c -> insn.to(c, next));
            int far = code.position() + 0x7fff0000;
            dis.expect("Rel", m + hex(far), c -> insn.to(c, far));
            dis.expect("Rel", m + hex(0), c -> insn.to(c, 0));
        }
    }

    private void recordToLabels() {
        CodeBuffer code = dis.code();
        Label backward = new Label();
        backward.bind(code);
        Label forward = new Label();
        for (Condition cc : Condition.values()) {
            String j = "j" + CONDITIONS[cc.ordinal()] + " ";
            dis.expect("Label", j + hex(backward.address()),
                    c -> CondRel8.Jcc.to(c, cc, backward));
        }
        for (Condition cc : Condition.values()) {
            String j = "j" + CONDITIONS[cc.ordinal()] + " ";
            dis.expect("Label", j + hex(backward.address()),
                    c -> CondRel32.Jcc.to(c, cc, backward));
            dis.expectLater("Label", () -> j + hex(forward.address()),
                    c -> CondRel32.Jcc.to(c, cc, forward));
        }
        dis.expectLater("Label", () -> "jmp " + hex(forward.address()),
                c -> Rel32.JMP.to(c, forward));
        dis.expectLater("Label", () -> "call " + hex(forward.address()),
                c -> Rel32.CALL.to(c, forward));
        Label near = new Label();
        dis.expectLater("Label", () -> "jmp " + hex(near.address()), c -> Rel8.JMP.to(c, near));
        dis.expectLater("Label", () -> "jne " + hex(near.address()),
                c -> CondRel8.Jcc.to(c, Condition.NE, near));
        for (int i = 0; i < 10; i++) {
            dis.expect("Label", "int3", NoOperand.INT3::emit);
        }
        near.bind(code);
        forward.bind(code);
        dis.expect("Label", "ret", NoOperand.RET::emit);
    }

    private void recordRetarget() {
        CodeBuffer code = dis.code();
        for (Rel32 insn : Rel32.values()) {
            int start = code.position();
            int target = start + 0x4000;
            dis.expect("Retarget", Intel.mnemonic(insn) + " " + hex(target), c -> {
                insn.to(c, 0);
                insn.retarget(c, c.position(), target);
            });
        }
    }

    private void recordNops() {
        String[] forms = {"", "nop", "xchg ax,ax", "nop DWORD PTR [rax]", "nop DWORD PTR [rax+0x0]",
            "nop DWORD PTR [rax+rax*1+0x0]", "nop WORD PTR [rax+rax*1+0x0]",
            "nop DWORD PTR [rax+0x0]", "nop DWORD PTR [rax+rax*1+0x0]",
            "nop WORD PTR [rax+rax*1+0x0]"};
        for (int n = 1; n <= Nops.MAX_LENGTH; n++) {
            int count = n;
            dis.expect("Nops", forms[n], c -> Nops.emit(c, count));
        }
        // Alignment: a 3-byte filler then the 9-byte form for 13 % 16 -> 16 would be wrong; the
        // padding must end exactly at the boundary, checked by the next instruction's offset.
        dis.expect("Nops", "int3", NoOperand.INT3::emit);
        Nops.align(dis.code(), 16);
        dis.expect("Nops", "ret", c -> {
            if (c.position() % 16 != 0) {
                throw new AssertionError("align(16) ended at " + c.position());
            }
            NoOperand.RET.emit(c);
        });
    }

    @Test
    void branchesToOffsets() {
        assertMatches(dis, "Rel");
    }

    @Test
    void branchesToLabels() {
        assertMatches(dis, "Label");
    }

    @Test
    void retarget() {
        assertMatches(dis, "Retarget");
    }

    @Test
    void nops() {
        assertMatches(dis, "Nops");
    }
}
