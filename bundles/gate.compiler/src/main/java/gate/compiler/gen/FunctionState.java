package gate.compiler.gen;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel32;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.CondRm;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.GpRmXmm;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.MemXmm;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegImm;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import gate.compiler.x86.enc.XmmRm;
import gate.engine.TrapId;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The code generation state of one function: the virtual operand stack, the registers its
 * operands hold, the control stack and the frame. The operand stack is lazy (wag's design,
 * gate-architecture.md §3): constants and register values reach their stack slot only when
 * spilled, which happens at every control-flow edge, call and suspension point.
 */
public final class FunctionState {
    private final ModuleState module;
    private final CodeBuffer code;
    private final FrameLayout frame;
    private final int function;
    private final int bodyStart;
    private final List<ValType> localTypes;
    private final List<ValType> results;
    private final OperandStack stack = new OperandStack();
    private final List<ControlFrame> control = new ArrayList<>(8);
    private final Registers registers = new Registers();
    private final LocalRegisters homes;
    private final List<Runnable> outOfLine = new ArrayList<>();
    private final List<Runnable> dataAfter = new ArrayList<>();
    /** Literals by bits, with the displacement fields that read them (in order). */
    private final java.util.Map<Long, List<Integer>> literals = new java.util.LinkedHashMap<>();
    private int maxDepth;
    private int maxOutgoing;
    private boolean unreachable;
    private int deadDepth;
    private int instruction;
    private final Lookahead lookahead = new Lookahead();
    /** One operand per local, made on first use (operands are values). */
    private final Operand.Local[] localOperands;

    public FunctionState(ModuleState module, int function, int bodyStart, List<ValType> params,
            List<ValType> declared, List<ValType> results) {
        this.results = results;
        this.module = module;
        this.code = module.code();
        this.function = function;
        this.bodyStart = bodyStart;
        this.frame = new FrameLayout(params.size(), declared.size());
        List<ValType> all = new ArrayList<>(params);
        all.addAll(declared);
        this.localTypes = all;
        this.homes = new LocalRegisters(code, frame, all);
        this.localOperands = new Operand.Local[all.size()];
    }

    /** The operand for the current value of local {@code index}. */
    public Operand.Local localOperand(int index) {
        Operand.Local operand = localOperands[index];
        if (operand == null) {
            operand = new Operand.Local(localTypes.get(index), index);
            localOperands[index] = operand;
        }
        return operand;
    }

    /** What is known about the next instruction and the current loop. */
    public Lookahead lookahead() {
        return lookahead;
    }

    /** The registers the most used locals live in. */
    public LocalRegisters homes() {
        return homes;
    }

    /** Code emitted after the function body (slow paths), in order. */
    public void outOfLine(Runnable emitter) {
        outOfLine.add(emitter);
    }

    /**
     * Data emitted after the out-of-line code (jump tables), in order: never executed, and
     * every label of the body is bound by then.
     */
    public void dataAfter(Runnable emitter) {
        dataAfter.add(emitter);
    }

    /** Emits the out-of-line code, then the data; called once the body is done. */
    public void emitOutOfLine() {
        for (Runnable r : outOfLine) {
            r.run();
        }
        outOfLine.clear();
        for (Runnable r : dataAfter) {
            r.run();
        }
        dataAfter.clear();
    }

    /** Writes local {@code index} (detached from the stack first by the caller). */
    public void setLocal(int index, Operand value) {
        homes.markDirty(index);
        if (homes.gp(index) != null) {
            loadInto(homes.gp(index), value);
        } else if (homes.xmm(index) != null) {
            loadIntoXmm(homes.xmm(index), value);
        } else {
            store(frame.local(index), value);
        }
    }

    /** Loads a float operand into the given XMM register. */
    public void loadIntoXmm(Xmm target, Operand operand) {
        if (operand instanceof Operand.Fp fp) {
            if (fp.reg() != target) {
                XmmRm.MOVAPS.regReg(code, target, fp.reg());
            }
        } else if (operand instanceof Operand.Const c) {
            loadConstXmm(target, c.bits());
        } else if (operand instanceof Operand.Local l && homes.xmm(l.index()) != null) {
            if (homes.xmm(l.index()) != target) {
                XmmRm.MOVAPS.regReg(code, target, homes.xmm(l.index()));
            }
        } else {
            (operand.type() == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD)
                    .regMem(code, target, memoryOf(operand));
        }
    }

    public ModuleState module() {
        return module;
    }

    public CodeBuffer code() {
        return code;
    }

    public FrameLayout frame() {
        return frame;
    }

    public int function() {
        return function;
    }

    /** The function's result types. */
    public List<ValType> results() {
        return results;
    }

    public ValType localType(int index) {
        return localTypes.get(index);
    }

    /** Marks the module offset of the instruction being compiled. */
    public void at(int moduleOffset) {
        instruction = moduleOffset;
    }

    /** Offset of the current instruction from the function body start. */
    public int codeOffset() {
        return instruction - bodyStart;
    }

    /** Code offset of a module offset. */
    public int codeOffset(int moduleOffset) {
        return moduleOffset - bodyStart;
    }

    /** Maps the machine code emitted since {@code textStart} to the current instruction. */
    public void trapRange(int textStart) {
        module.addTrapRange(new TrapRange(textStart, code.position(), function, codeOffset()));
    }

    /**
     * A trap taken if {@code condition} holds, as a branch to an out-of-line trap call so that
     * the common path falls through; the call maps to the current instruction.
     */
    public void trapIf(Condition condition, TrapId trap) {
        trapOutOfLine(condition, () -> module.stubs().call(code, trap));
    }

    /**
     * Like {@link #trapIf(Condition, TrapId)} for a check that covers two traps: out of line,
     * {@code test} sets the flags and {@code which} selects {@code first}, else {@code second}
     * (both calls map to the current instruction).
     */
    public void trapIf(Condition condition, Runnable test, Condition which, TrapId first,
            TrapId second) {
        trapOutOfLine(condition, () -> {
            test.run();
            Label firstTrap = new Label();
            CondRel32.Jcc.to(code, which, firstTrap);
            module.stubs().call(code, second);
            firstTrap.bind(code);
            module.stubs().call(code, first);
        });
    }

    /** A branch on {@code condition} to {@code traps}, emitted out of line and mapped to the current instruction. */
    private void trapOutOfLine(Condition condition, Runnable traps) {
        Label slow = new Label();
        CondRel32.Jcc.to(code, condition, slow);
        int codeOffset = codeOffset();
        outOfLine(() -> {
            slow.bind(code);
            int start = code.position();
            traps.run();
            module.addTrapRange(new TrapRange(start, code.position(), function, codeOffset));
        });
    }

    /** Records a stack map entry for the current state (all operands must be in slots). */
    public void site(int textOffset, SiteKind kind, int codeOffset, int operands) {
        module.addSite(new Site(textOffset, kind, function, codeOffset, types(operands)));
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxOutgoing() {
        return maxOutgoing;
    }

    /** Records that a call needs {@code slots} slots of outgoing area. */
    public void needOutgoing(int slots) {
        maxOutgoing = Math.max(maxOutgoing, slots);
    }

    // ---- reachability ----

    public boolean unreachable() {
        return unreachable;
    }

    /** After br, br_table, return and unreachable: code up to the block's end is dead. */
    public void setUnreachable() {
        unreachable = true;
    }

    public void setReachable() {
        unreachable = false;
    }

    /** Nesting depth of blocks opened inside dead code. */
    public int deadDepth() {
        return deadDepth;
    }

    public void enterDead() {
        deadDepth++;
    }

    public void leaveDead() {
        deadDepth--;
    }

    // ---- control stack ----

    public void pushControl(ControlFrame frame) {
        control.add(frame);
    }

    public ControlFrame popControl() {
        return control.remove(control.size() - 1);
    }

    /** The frame {@code depth} labels out (0 = innermost). */
    public ControlFrame label(int depth) {
        return control.get(control.size() - 1 - depth);
    }

    public int controlDepth() {
        return control.size();
    }

    // ---- operand stack ----

    public int depth() {
        return stack.size();
    }

    public Operand peek(int fromTop) {
        return stack.get(stack.size() - 1 - fromTop);
    }

    public Operand get(int position) {
        return stack.get(position);
    }

    public void push(Operand operand) {
        if (operand instanceof Operand.Slot slot && slot.position() != stack.size()) {
            throw new IllegalStateException(slot + " pushed at " + stack.size());
        }
        stack.add(operand);
        maxDepth = Math.max(maxDepth, stack.size());
    }

    public void pushGp(ValType type, Reg reg) {
        push(Operand.Gp.of(type, reg));
    }

    public void pushXmm(ValType type, Xmm reg) {
        push(Operand.Fp.of(type, reg));
    }

    public void pushConst(ValType type, long bits) {
        push(new Operand.Const(type, bits));
    }

    /** Replaces the operand at {@code position} by the same value held elsewhere. */
    public void set(int position, Operand operand) {
        stack.set(position, operand);
    }

    /** Pushes a value already in the slot of the next position. */
    public void pushSlot(ValType type) {
        push(new Operand.Slot(type, stack.size()));
    }

    /** Removes the top operand; its register, if any, stays taken until released or pushed. */
    public Operand pop() {
        return stack.remove(stack.size() - 1);
    }

    /** Pops and frees whatever the operand held. */
    public void drop() {
        release(pop());
    }

    /** Drops operands until the stack has {@code size} entries. */
    public void truncate(int size) {
        while (stack.size() > size) {
            drop();
        }
    }

    /** Types of the operands at positions {@code [0, size)}. */
    public List<ValType> types(int size) {
        List<ValType> types = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            types.add(stack.get(i).type());
        }
        return types;
    }

    /** Frees the register of a popped operand. */
    public void release(Operand operand) {
        if (operand instanceof Operand.Gp gp) {
            registers.release(gp.reg());
        } else if (operand instanceof Operand.Fp fp) {
            registers.release(fp.reg());
        }
    }

    public void releaseGp(Reg reg) {
        registers.release(reg);
    }

    public void releaseXmm(Xmm reg) {
        registers.release(reg);
    }

    // ---- spilling ----

    /** Stores operand {@code position} in its slot (if it is not there yet). */
    public void spill(int position) {
        Operand operand = stack.get(position);
        if (operand instanceof Operand.Slot) {
            return;
        }
        if (operand instanceof Operand.Flags flags) {
            operand = Operand.Gp.of(ValType.I32, materialize(flags));
        }
        store(frame.operand(position), operand);
        release(operand);
        stack.set(position, new Operand.Slot(operand.type(), position));
    }

    /** Every operand to its slot: no register holds a value afterwards. */
    public void spillAll() {
        for (int i = 0; i < stack.size(); i++) {
            spill(i);
        }
    }

    /** Spills the operand that holds {@code reg}, if any, so that the register is free. */
    public void evict(Reg reg) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i) instanceof Operand.Gp gp && gp.reg() == reg) {
                spill(i);
            }
        }
    }

    /** Turns a flags operand into a 0 or 1 in a new register (SETcc does not change flags). */
    public Reg materialize(Operand.Flags flags) {
        Reg reg = allocGp();
        CondRm.SETcc.reg(code, flags.condition(), reg);
        RegRmExtend.MOVZX8.regReg(code, Size.DWORD, reg, reg);
        return reg;
    }

    /** If the top operand is a condition in the flags, puts it in a register. */
    public void materializeTop() {
        if (!stack.isEmpty() && stack.get(stack.size() - 1) instanceof Operand.Flags flags) {
            stack.remove(stack.size() - 1);
            pushGp(ValType.I32, materialize(flags));
        }
    }

    /** The memory an operand can be read from in place (slot or local), or null. */
    public Memory memoryOf(Operand operand) {
        if (operand instanceof Operand.Slot s) {
            return frame.operand(s.position());
        }
        if (operand instanceof Operand.Local l && homes.gp(l.index()) == null
                && homes.xmm(l.index()) == null) {
            return frame.local(l.index());
        }
        return null;
    }

    /** Loads every operand that still refers to local {@code index}, which is about to change. */
    public void detachLocal(int index) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i) instanceof Operand.Local l && l.index() == index) {
                Operand loaded = Operand.isFloat(l.type()) ? Operand.Fp.of(l.type(), toXmm(l))
                        : Operand.Gp.of(l.type(), toGp(l));
                stack.set(i, loaded);
            } else if (stack.get(i) instanceof Operand.Offset o && o.index() == index) {
                stack.set(i, Operand.Gp.of(o.type(), toGp(o)));
            }
        }
    }

    /** Writes an operand's 8-byte slot encoding to {@code target}; clobbers rcx. */
    public void store(Memory target, Operand operand) {
        // instanceof chains rather than pattern switches in this class: they run for nearly
        // every instruction, and a type switch with guards costs several times the tests.
        if (operand instanceof Operand.Gp gp) {
            RmReg.MOV.memReg(code, Size.QWORD, target, gp.reg());
        } else if (operand instanceof Operand.Local l) {
            if (homes.gp(l.index()) != null) {
                RmReg.MOV.memReg(code, Size.QWORD, target, homes.gp(l.index()));
            } else if (homes.xmm(l.index()) != null) {
                MemXmm.MOVSD.memReg(code, target, homes.xmm(l.index()));
            } else {
                Memory source = frame.local(l.index());
                if (!source.equals(target)) {
                    RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX, source);
                    RmReg.MOV.memReg(code, Size.QWORD, target, Reg.RCX);
                }
            }
        } else if (operand instanceof Operand.Const c) {
            if (c.bits() == (int) c.bits()) {
                RmImm32.MOV.memImm(code, Size.QWORD, target, (int) c.bits());
            } else {
                RegImm.MOV.regImm(code, Size.QWORD, Reg.RCX, c.bits());
                RmReg.MOV.memReg(code, Size.QWORD, target, Reg.RCX);
            }
        } else if (operand instanceof Operand.Flags flags) {
            Reg reg = materialize(flags);
            RmReg.MOV.memReg(code, Size.QWORD, target, reg);
            registers.release(reg);
        } else if (operand instanceof Operand.Fp fp) {
            MemXmm.MOVSD.memReg(code, target, fp.reg());
        } else if (operand instanceof Operand.Offset o) {
            loadInto(Reg.RCX, o);
            RmReg.MOV.memReg(code, Size.QWORD, target, Reg.RCX);
        } else {
            Memory source = frame.operand(((Operand.Slot) operand).position());
            if (!source.equals(target)) {
                RegRm.MOV.regMem(code, Size.QWORD, Reg.RCX, source);
                RmReg.MOV.memReg(code, Size.QWORD, target, Reg.RCX);
            }
        }
    }

    // ---- registers ----

    /**
     * A register for the result of the current instruction: rax if the function returns it
     * next and rax is free, else any ({@link #allocGp}). Only for instructions that claim no
     * fixed register afterwards.
     */
    public Reg allocResultGp() {
        if (lookahead.returnsNext() && !registers.isUsed(Reg.RAX)) {
            registers.take(Reg.RAX);
            return Reg.RAX;
        }
        return allocGp();
    }

    /** {@link #toGp} for the operand that becomes the current instruction's result. */
    public Reg toResultGp(Operand operand) {
        if (operand instanceof Operand.Gp || operand instanceof Operand.Flags) {
            return toGp(operand);
        }
        Reg reg = allocResultGp();
        loadInto(reg, operand);
        return reg;
    }

    /** A free general-purpose register, spilling the lowest register operand if none is free. */
    public Reg allocGp() {
        Reg reg = registers.freeGp();
        while (reg == null) {
            spillLowest(false);
            reg = registers.freeGp();
        }
        registers.take(reg);
        return reg;
    }

    /** A free XMM register, spilling if none is free. */
    public Xmm allocXmm() {
        Xmm reg = registers.freeXmm();
        while (reg == null) {
            spillLowest(true);
            reg = registers.freeXmm();
        }
        registers.take(reg);
        return reg;
    }

    /** Takes {@code reg} away from operand allocation for the whole function (a home). */
    public void reserveGp(Reg reg) {
        registers.take(reg);
    }

    /** Takes {@code reg} away from operand allocation for the whole function (a home). */
    public void reserveXmm(Xmm reg) {
        registers.take(reg);
    }

    /** Takes {@code reg} for the caller, spilling its current holder. */
    public void claim(Reg reg) {
        evict(reg);
        registers.take(reg);
    }

    public boolean isFree(Reg reg) {
        return !registers.isUsed(reg);
    }

    private void spillLowest(boolean xmm) {
        for (int i = 0; i < stack.size(); i++) {
            Operand op = stack.get(i);
            if (xmm ? op instanceof Operand.Fp : op instanceof Operand.Gp) {
                spill(i);
                return;
            }
        }
        throw new IllegalStateException("no register to spill: " + registers);
    }

    /** Operand width: i32 values use 32-bit instructions, everything else 64-bit ones. */
    public static Size size(ValType type) {
        return type == ValType.I32 || type == ValType.F32 ? Size.DWORD : Size.QWORD;
    }

    /**
     * A register holding the (popped) operand's value, which the caller owns: the operand's own
     * register, or a new one loaded from the slot or with the constant.
     */
    public Reg toGp(Operand operand) {
        if (operand instanceof Operand.Gp gp) {
            return gp.reg();
        }
        if (operand instanceof Operand.Flags flags) {
            return materialize(flags);
        }
        if (operand instanceof Operand.Fp fp) {
            throw new IllegalStateException("float operand " + fp);
        }
        Reg reg = allocGp();
        if (operand instanceof Operand.Const c) {
            loadConst(reg, c.bits());
        } else if (operand instanceof Operand.Slot s) {
            RegRm.MOV.regMem(code, size(s.type()), reg, frame.operand(s.position()));
        } else {
            loadInto(reg, operand); // a local or an offset
        }
        return reg;
    }

    /** Loads any operand into the given register (which the caller has claimed). */
    public void loadInto(Reg target, Operand operand) {
        if (operand instanceof Operand.Gp gp) {
            if (gp.reg() != target) {
                RmReg.MOV.regReg(code, Size.QWORD, target, gp.reg());
            }
        } else if (operand instanceof Operand.Local l) {
            if (homes.gp(l.index()) != null) {
                if (homes.gp(l.index()) != target) {
                    RmReg.MOV.regReg(code, Size.QWORD, target, homes.gp(l.index()));
                }
            } else {
                RegRm.MOV.regMem(code, size(l.type()), target, frame.local(l.index()));
            }
        } else if (operand instanceof Operand.Const c) {
            loadConst(target, c.bits());
        } else if (operand instanceof Operand.Slot s) {
            RegRm.MOV.regMem(code, size(s.type()), target, frame.operand(s.position()));
        } else if (operand instanceof Operand.Offset o) {
            RegMem.LEA.regMem(code, size(o.type()), target,
                    Memory.at(homes.gp(o.index()), o.disp()));
        } else if (operand instanceof Operand.Fp fp) {
            GpRmXmm.MOVD.regReg(code, Size.QWORD, target, fp.reg());
        } else {
            CondRm.SETcc.reg(code, ((Operand.Flags) operand).condition(), target);
            RegRmExtend.MOVZX8.regReg(code, Size.DWORD, target, target);
        }
    }

    /** {@code mov reg, bits} in its shortest form. */
    public void loadConst(Reg reg, long bits) {
        if (bits == 0) {
            RmReg.XOR.regReg(code, Size.DWORD, reg, reg);
        } else if (bits >>> 32 == 0) {
            RegImm.MOV.regImm(code, Size.DWORD, reg, bits);
        } else {
            RegImm.MOV.regImm(code, Size.QWORD, reg, bits);
        }
    }

    /** An XMM register holding the (popped) float operand's value, owned by the caller. */
    public Xmm toXmm(Operand operand) {
        if (operand instanceof Operand.Fp fp) {
            return fp.reg();
        }
        if (operand instanceof Operand.Gp || operand instanceof Operand.Offset
                || operand instanceof Operand.Flags) {
            throw new IllegalStateException("not a float operand: " + operand);
        }
        Xmm reg = allocXmm();
        if (operand instanceof Operand.Const c) {
            loadConstXmm(reg, c.bits());
        } else if (operand instanceof Operand.Slot s) {
            XmmRm load = s.type() == ValType.F32 ? XmmRm.MOVSS : XmmRm.MOVSD;
            load.regMem(code, reg, frame.operand(s.position()));
        } else {
            loadIntoXmm(reg, operand); // a local
        }
        return reg;
    }

    /**
     * Loads float bits (zero-extended to 64) into an XMM register: zero by XORPS, anything
     * else from a literal after the function, one load instead of {@code mov rcx, imm64;
     * movq xmm, rcx}.
     */
    public void loadConstXmm(Xmm reg, long bits) {
        if (bits == 0) {
            XmmRm.XORPS.regReg(code, reg, reg);
            return;
        }
        withLiteral(bits, literal -> XmmRm.MOVSD.regMem(code, reg, literal));
    }

    /**
     * Emits one instruction that reads {@code bits} from an 8-byte literal after the function
     * ({@code emit} gets its rip-relative operand; no immediate may follow the displacement).
     */
    public void withLiteral(long bits, java.util.function.Consumer<Memory> emit) {
        emit.accept(Memory.rip(code.position()));
        int field = code.position() - 4; // the displacement ends the instruction
        if (literals.isEmpty()) {
            dataAfter(this::emitLiterals);
        }
        literals.computeIfAbsent(bits, k -> new ArrayList<>()).add(field);
    }

    /** The literals, 8-byte aligned, and the displacements that address them. */
    private void emitLiterals() {
        code.fill(0xCC, -code.position() & 7);
        for (var e : literals.entrySet()) {
            int at = code.position();
            code.emit64(e.getKey());
            for (int field : e.getValue()) {
                code.patch32(field, at - (field + 4));
            }
        }
        literals.clear();
    }

    @Override
    public String toString() {
        return "function " + function + " stack " + stack + " control " + control;
    }
}
