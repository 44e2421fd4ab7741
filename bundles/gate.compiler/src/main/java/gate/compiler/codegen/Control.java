package gate.compiler.codegen;

import gate.compiler.gen.ControlFrame;
import gate.compiler.gen.FrameLayout;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.compiler.gen.TightLoop;
import gate.compiler.x86.Abi;
import gate.compiler.x86.SuspendCheck;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel32;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Nops;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegInOpcode;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.RmQword;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.Rel32;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import gate.wasm.code.BlockType;
import java.util.List;

/**
 * Structured control (core §4.4.8): blocks, loops, if/else, branches, br_table through a jump
 * table, return, unreachable. Every edge carries all operands in their slots, so merge points
 * need no register reconciliation; a branch copies its values down to the target's slots.
 */
final class Control {
    private Control() {}

    /** Parameters and results of a block type (core §5.4.1). */
    static FuncType blockType(FunctionState f, int blockType) {
        if (BlockType.isEmpty(blockType)) {
            return FuncType.of(List.of(), List.of());
        }
        if (BlockType.isTypeIndex(blockType)) {
            return f.module().module().types().get(blockType);
        }
        return FuncType.of(List.of(), List.of(BlockType.valueType(blockType)));
    }

    static void block(FunctionState f, int blockType) {
        FuncType type = blockType(f, blockType);
        f.spillAll();
        f.pushControl(new ControlFrame(ControlFrame.Kind.BLOCK, f.depth() - type.params().size(),
                type.params(), type.results()));
    }

    /**
     * A loop's header carries the suspend check (runtime.native DESIGN.md §6). A {@link
     * TightLoop}'s header starts a 32-byte block; the padding runs once, on entry.
     */
    static void loop(FunctionState f, int blockType, int bodyOffset, boolean tight) {
        FuncType type = blockType(f, blockType);
        f.spillAll();
        ControlFrame frame = new ControlFrame(ControlFrame.Kind.LOOP,
                f.depth() - type.params().size(), type.params(), type.results());
        f.pushControl(frame);
        if (tight) {
            Nops.align(f.code(), TightLoop.ALIGNMENT);
        }
        frame.label().bind(f.code());
        f.lookahead().straightLoop(frame);
        if (!f.homes().any()) {
            int site = SuspendCheck.emit(f.code(), f.module().stubs());
            f.site(site, SiteKind.LOOP, f.codeOffset(bodyOffset), f.depth());
            frame.bodyLabel().bind(f.code());
            return;
        }
        // Locals in registers go to memory only when the suspension happens: out of line.
        CodeBuffer code = f.code();
        Label slow = new Label();
        Label back = frame.bodyLabel();
        RmImm32.TEST.regImm(code, Size.BYTE, Abi.STACK_LIMIT, 1);
        CondRel32.Jcc.to(code, Condition.NE, slow);
        back.bind(code);
        List<ValType> operands = f.types(f.depth());
        int codeOffset = f.codeOffset(bodyOffset);
        f.outOfLine(() -> {
            slow.bind(code);
            f.homes().store();
            int site = f.module().stubs().call(code, TrapId.SUSPENDED);
            f.module().addSite(new Site(site, SiteKind.LOOP, f.function(), codeOffset,
                    operands));
            f.homes().load();
            Rel32.JMP.to(code, back);
        });
    }

    /**
     * Pops a branch condition and sets the flags for it with every other operand spilled;
     * returns the condition under which the branch is taken.
     */
    private static Condition condition(FunctionState f) {
        Operand operand = f.pop();
        if (operand instanceof Operand.Flags flags) {
            f.spillAll(); // moves only: the flags survive
            return flags.condition();
        }
        Reg home = f.homes().gpOf(operand);
        Reg condition = home != null ? home : f.toGp(operand);
        f.spillAll();
        RmReg.TEST.regReg(f.code(), Size.DWORD, condition, condition);
        if (home == null) {
            f.releaseGp(condition);
        }
        return Condition.NE;
    }

    static void ifThen(FunctionState f, int blockType) {
        FuncType type = blockType(f, blockType);
        Condition taken = condition(f);
        ControlFrame frame = new ControlFrame(ControlFrame.Kind.IF,
                f.depth() - type.params().size(), type.params(), type.results());
        f.pushControl(frame);
        CondRel32.Jcc.to(f.code(), taken.negate(), frame.elseLabel());
    }

    static void elseBranch(FunctionState f) {
        ControlFrame frame = f.label(0);
        if (!f.unreachable()) {
            f.spillAll();
            Rel32.JMP.to(f.code(), frame.label());
            frame.markBranchedTo();
        }
        frame.markElse();
        frame.elseLabel().bind(f.code());
        f.truncate(frame.height());
        for (ValType type : frame.params()) {
            f.pushSlot(type);
        }
        f.setReachable();
    }

    /** Ends a block; returns true when it was the function's body. */
    static boolean end(FunctionState f) {
        ControlFrame frame = f.popControl();
        boolean reachable = !f.unreachable();
        if (frame.kind() == ControlFrame.Kind.FUNCTION) {
            if (reachable) {
                // Results go straight from registers to the caller's area.
                returnFrom(f);
            }
            return true;
        }
        if (reachable) {
            f.spillAll();
        }
        if (frame.isGuard()) {
            leaveGuard(f, frame, reachable);
            return false;
        }
        if (frame.kind() == ControlFrame.Kind.IF && !frame.hadElse()) {
            frame.elseLabel().bind(f.code());
            reachable = true;
        }
        if (frame.kind() != ControlFrame.Kind.LOOP) {
            frame.label().bind(f.code());
            reachable |= frame.branchedTo();
        }
        f.truncate(frame.height());
        for (ValType type : frame.results()) {
            f.pushSlot(type);
        }
        if (reachable) {
            f.setReachable();
        }
        return false;
    }

    /**
     * The end of a {@link gate.compiler.gen.GuardShape}'s {@code if} (no else, no values):
     * every way out of its body leaves the frame, and the condition's false edge, which never
     * built one, joins after that. The tail that follows runs frameless.
     */
    private static void leaveGuard(FunctionState f, ControlFrame frame, boolean reachable) {
        CodeBuffer code = f.code();
        frame.label().bind(code);
        if (reachable || frame.branchedTo()) {
            RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
            RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        }
        frame.elseLabel().bind(code);
        f.frame().frameless(true);
        f.truncate(frame.height());
        f.setReachable();
    }

    /** True when a branch to {@code frame} must copy values first. */
    private static boolean needsMoves(FunctionState f, ControlFrame frame) {
        int n = frame.branchTypes().size();
        return n > 0 && f.depth() - n != frame.height();
    }

    /** Copies the branch values to the target's slots (ascending, never overwriting a source). */
    private static void moves(FunctionState f, ControlFrame frame) {
        int n = frame.branchTypes().size();
        int from = f.depth() - n;
        for (int k = 0; k < n; k++) {
            f.store(f.frame().operand(frame.height() + k), f.get(from + k));
        }
    }

    /** Emits the jump to {@code frame} with everything already spilled. */
    private static void jump(FunctionState f, ControlFrame frame) {
        if (frame.kind() == ControlFrame.Kind.FUNCTION) {
            returnFrom(f);
            return;
        }
        moves(f, frame);
        Rel32.JMP.to(f.code(), frame.label());
        frame.markBranchedTo();
    }

    static void br(FunctionState f, int depth) {
        f.spillAll();
        jump(f, f.label(depth));
        f.setUnreachable();
    }

    static void brIf(FunctionState f, int depth) {
        Condition taken = condition(f);
        CodeBuffer code = f.code();
        ControlFrame frame = f.label(depth);
        if (frame.kind() != ControlFrame.Kind.FUNCTION && !needsMoves(f, frame)) {
            CondRel32.Jcc.to(code, taken, frame.label());
            frame.markBranchedTo();
            return;
        }
        Label skip = new Label();
        CondRel32.Jcc.to(code, taken.negate(), skip);
        jump(f, frame);
        skip.bind(code);
    }

    /**
     * br_table: one indirect jump through a table of 32-bit offsets from the table's start,
     * which lies after the function's out-of-line code (data, never executed). An index at or
     * above the count takes the default without the table. A target that needs no value moves
     * is the label itself; the others (and returns) get a small stub after the jump.
     */
    static void brTable(FunctionState f, int[] labels) {
        CodeBuffer code = f.code();
        Reg index = f.toGp(f.pop());
        f.spillAll();
        int n = labels.length - 1;
        Label[] targets = new Label[labels.length];
        Label[] stubs = new Label[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ControlFrame frame = f.label(labels[i]);
            if (frame.kind() != ControlFrame.Kind.FUNCTION && !needsMoves(f, frame)) {
                targets[i] = frame.label();
                frame.markBranchedTo();
            } else {
                // Entries with the same target share its stub.
                for (int j = 0; j < i && stubs[i] == null; j++) {
                    if (labels[j] == labels[i]) {
                        stubs[i] = stubs[j];
                    }
                }
                stubs[i] = stubs[i] == null ? new Label() : stubs[i];
                targets[i] = stubs[i];
            }
        }
        if (n > 0) {
            RmImm32.CMP.regImm(code, Size.DWORD, index, n);
            CondRel32.Jcc.to(code, Condition.AE, targets[n]);
            // i32 values in registers are zero-extended (every 32-bit write clears the upper
            // half), so the index addresses the table as a 64-bit register.
            RegMem.LEA.regMem(code, Size.QWORD, Reg.RCX, Memory.rip(code.position()));
            int displacement = code.position() - 4;
            RegRmExtend.MOVSXD.regMem(code, Size.QWORD, index, Memory.at(Reg.RCX, index, 4, 0));
            RmReg.ADD.regReg(code, Size.QWORD, Reg.RCX, index);
            RmQword.JMP.reg(code, Reg.RCX);
            Label[] entries = java.util.Arrays.copyOf(targets, n);
            f.dataAfter(() -> {
                // Every target is bound by the end of the function: enclosing blocks' labels.
                code.fill(0xCC, -code.position() & 3);
                int table = code.position();
                code.patch32(displacement, table - (displacement + 4));
                for (Label entry : entries) {
                    code.emit32(entry.address() - table);
                }
            });
        } else {
            Rel32.JMP.to(code, targets[0]);
        }
        f.releaseGp(index);
        for (int i = 0; i < labels.length; i++) {
            if (stubs[i] != null && !stubs[i].isBound()) {
                stubs[i].bind(code);
                jump(f, f.label(labels[i]));
            }
        }
        f.setUnreachable();
    }

    /** Stores the results above the return address and leaves the frame. */
    static void returnFrom(FunctionState f) {
        int n = f.results().size();
        int from = f.depth() - n;
        // Results overwrite the parameters' memory: read parameters still named lazily first
        // (frameless code reads every parameter from its home register, never from memory).
        for (int k = 0; k < n && !f.frame().isFrameless(); k++) {
            if (f.get(from + k) instanceof Operand.Local l && l.index() < f.frame().params()) {
                f.detachLocal(l.index());
            }
        }
        if (FrameLayout.resultInRax(f.results())) {
            // The caller takes a single integer result from rax (no store-to-load forwarding on
            // the call chain).
            Operand result = f.get(from);
            Size size = FunctionState.size(f.results().get(0));
            Reg home = result instanceof Operand.Local l ? f.homes().gp(l.index()) : null;
            if (result instanceof Operand.Gp gp) {
                if (gp.reg() != Reg.RAX) {
                    RmReg.MOV.regReg(f.code(), size, Reg.RAX, gp.reg());
                }
            } else if (home != null) {
                RmReg.MOV.regReg(f.code(), size, Reg.RAX, home);
            } else {
                f.loadInto(Reg.RAX, result);
                if (result instanceof Operand.Fp && size == Size.DWORD) {
                    RmReg.MOV.regReg(f.code(), size, Reg.RAX, Reg.RAX);
                }
            }
            if (f.module().resultSlotRead(f.function())) {
                // Invoke thunks, and call_indirect where a table may hold host functions, read
                // the slot; every other call takes rax.
                RmReg.MOV.memReg(f.code(), Size.QWORD, resultSlot(f, 0), Reg.RAX);
            }
        } else {
            for (int k = 0; k < n; k++) {
                f.store(resultSlot(f, k), f.get(from + k));
            }
        }
        if (f.frame().isFrameless()) {
            NoOperand.RET.emit(f.code());
        } else {
            epilogue(f.code());
        }
    }

    /** Result slot k: above the return address, which is at [rsp] in frameless code. */
    private static Memory resultSlot(FunctionState f, int k) {
        return f.frame().isFrameless() ? Memory.at(Reg.RSP, 8 + 8 * k)
                : Memory.at(Reg.RBP, FrameLayout.RESULTS + 8 * k);
    }

    static void epilogue(CodeBuffer code) {
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
        RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        NoOperand.RET.emit(code);
    }

    static void ret(FunctionState f) {
        returnFrom(f);
        f.setUnreachable();
    }

    static void unreachable(FunctionState f) {
        int start = f.code().position();
        f.module().stubs().call(f.code(), TrapId.UNREACHABLE);
        f.trapRange(start);
        f.setUnreachable();
    }
}
