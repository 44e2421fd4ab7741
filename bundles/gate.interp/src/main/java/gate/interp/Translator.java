package gate.interp;

import gate.wasm.FuncType;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import gate.wasm.ValType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates one validated function body into internal code ({@link Op}): branch targets resolved,
 * stack moves of branches computed from the statically known operand heights, unreachable code
 * dropped, calls resolved to defined or imported functions. Tracks operand types only to record
 * them at suspension points.
 */
final class Translator {
    private final Module module;
    private final int[] typeIds;
    private final int importedFunctions;
    private final int functionIndex;
    private final FunctionBody body;
    private final CodeReader in;
    private final Emitter out = new Emitter();
    private final SuspensionPoints points = new SuspensionPoints();
    private final List<Control> controls = new ArrayList<>();
    private final ValType[] localTypes;
    private final OperandTypes stack = new OperandTypes();

    private Translator(Module module, int[] typeIds, int functionIndex) {
        this.module = module;
        this.typeIds = typeIds;
        this.importedFunctions = module.importedFunctionCount();
        this.functionIndex = functionIndex;
        this.body = module.code().get(functionIndex - importedFunctions);
        this.in = new CodeReader(module.bytes(), body.codeStart(), body.end());
        FuncType type = module.functionType(functionIndex);
        List<ValType> locals = new ArrayList<>(type.params());
        locals.addAll(body.locals());
        this.localTypes = locals.toArray(new ValType[0]);
    }

    /**
     * Translates defined function {@code functionIndex}.
     *
     * @param typeIds canonical type id of each module type (first equal type's index)
     */
    static CompiledFunction translate(Module module, int[] typeIds, int functionIndex) {
        return new Translator(module, typeIds, functionIndex).run();
    }

    private CompiledFunction run() {
        FuncType type = module.functionType(functionIndex);
        int entryOffset = body.codeStart() - body.bodyStart();
        points.add(SuspensionPoints.ENTRY, 0, entryOffset, new ValType[0], -1);
        controls.add(new Control(Control.FUNCTION, 0, new ValType[0], type.results().toArray(new ValType[0])));
        while (!controls.isEmpty()) {
            int opcodeOffset = in.position();
            int opcode = in.u8();
            Control top = controls.get(controls.size() - 1);
            if (top.unreachable) {
                skipUnreachable(opcode, opcodeOffset);
            } else {
                instruction(opcode, opcodeOffset);
            }
        }
        points.trim();
        int typeId = typeIds[module.functionTypes().get(functionIndex - importedFunctions)];
        return new CompiledFunction(
                functionIndex, type, typeId, localTypes, stack.maxHeight(), out.toArray(), points, entryOffset);
    }

    // ---- unreachable code (core spec §3.3.8: the stack is polymorphic; nothing runs) ----

    private int skipDepth;

    private void skipUnreachable(int opcode, int opcodeOffset) {
        switch (opcode) {
            case 0x02, 0x03, 0x04 -> {
                readBlockType();
                skipDepth++;
            }
            case 0x05 -> {
                if (skipDepth == 0) {
                    instruction(opcode, opcodeOffset);
                }
            }
            case 0x0b -> {
                if (skipDepth == 0) {
                    instruction(opcode, opcodeOffset);
                } else {
                    skipDepth--;
                }
            }
            default -> {
                Opcode op = opcode == Opcode.MISC_PREFIX ? Opcode.ofMisc(in.u32Long()) : Opcode.ofByte(opcode);
                if (op == null) {
                    throw new ResourceLimitException(
                            opcodeOffset, "the interpreter does not support opcode 0x" + Integer.toHexString(opcode));
                }
                in.skipImmediates(op);
            }
        }
    }

    private void push(ValType t) {
        stack.push(t);
    }

    private void pop(int n) {
        stack.pop(n);
    }

    // ---- block types (core spec §5.4.1) ----

    private ValType[][] readBlockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            return new ValType[][] {new ValType[0], new ValType[0]};
        }
        ValType single = ValType.ofCode(b);
        if (single != null) {
            in.u8();
            return new ValType[][] {new ValType[0], new ValType[] {single}};
        }
        FuncType t = module.types().get((int) in.s33());
        return new ValType[][] {t.params().toArray(new ValType[0]), t.results().toArray(new ValType[0])};
    }

    // ---- instructions ----

    private void instruction(int opcode, int opcodeOffset) {
        switch (opcode) {
            case 0x00 -> {
                out.op(Op.UNREACHABLE);
                markUnreachable();
            }
            case 0x01 -> { }
            case 0x02, 0x03, 0x04 -> structured(opcode);
            case 0x05 -> elseBranch();
            case 0x0b -> end();
            case 0x0c -> {
                branch(Op.BR, Op.BR_MOVE, in.u32());
                markUnreachable();
            }
            case 0x0d -> {
                pop(1);
                branch(Op.BR_IF, Op.BR_IF_MOVE, in.u32());
            }
            case 0x0e -> brTable();
            case 0x0f -> {
                out.op(Op.RETURN, controls.get(0).results.length);
                markUnreachable();
            }
            case 0x10 -> call(in.u32(), opcodeOffset);
            case 0x11 -> callIndirect(in.u32(), in.u32(), opcodeOffset);
            case 0x1a -> {
                pop(1);
                out.op(Op.DROP);
            }
            case 0x1b -> select();
            case 0x1c -> {
                int n = in.u32();
                for (int i = 0; i < n; i++) {
                    in.u8();
                }
                select();
            }
            case 0x20 -> {
                int i = in.u32();
                Fusion.localGet(out, i);
                push(localTypes[i]);
            }
            case 0x21 -> {
                pop(1);
                int x = in.u32();
                if (!Fusion.localSet(out, x, false)) {
                    out.op(Op.LOCAL_SET, x);
                }
            }
            case 0x22 -> {
                int x = in.u32();
                if (!Fusion.localSet(out, x, true)) {
                    out.op(Op.LOCAL_TEE, x);
                }
            }
            case 0x23 -> {
                int g = in.u32();
                out.op(Op.GLOBAL_GET, g);
                push(module.globalType(g).type());
            }
            case 0x24 -> {
                pop(1);
                out.op(Op.GLOBAL_SET, in.u32());
            }
            case 0x25 -> {
                int t = in.u32();
                pop(1);
                out.op(Op.TABLE_GET, t);
                push(tableType(t));
            }
            case 0x26 -> {
                pop(2);
                out.op(Op.TABLE_SET, in.u32());
            }
            case 0x3f -> {
                in.u8();
                out.op(0x3f);
                push(ValType.I32);
            }
            case 0x40 -> {
                in.u8();
                out.op(0x40);
            }
            case 0x41 -> {
                Fusion.i32Const(out, in.s32());
                push(ValType.I32);
            }
            case 0x42 -> {
                long v = in.s64();
                out.op(Op.I64_CONST, (int) v, (int) (v >>> 32));
                push(ValType.I64);
            }
            case 0x43 -> {
                out.op(Op.F32_CONST, in.f32Bits());
                push(ValType.F32);
            }
            case 0x44 -> {
                long v = in.f64Bits();
                out.op(Op.F64_CONST, (int) v, (int) (v >>> 32));
                push(ValType.F64);
            }
            case 0xd0 -> {
                out.op(Op.REF_NULL);
                push(ValType.ofCode(in.u8()));
            }
            case 0xd1 -> {
                pop(1);
                out.op(Op.REF_IS_NULL);
                push(ValType.I32);
            }
            case 0xd2 -> {
                out.op(Op.REF_FUNC, in.u32());
                push(ValType.FUNCREF);
            }
            case 0xfc -> prefixed(in.u32());
            case 0xfd -> throw new ResourceLimitException(
                    opcodeOffset, "the interpreter does not support SIMD instructions");
            default -> {
                if (opcode >= 0x28 && opcode <= 0x3e) {
                    memoryAccess(opcode);
                } else {
                    numeric(opcode);
                }
            }
        }
    }

    private ValType tableType(int t) {
        int imported = module.importedTableCount();
        if (t >= imported) {
            return module.tables().get(t - imported).elementType();
        }
        int n = 0;
        for (var imp : module.imports()) {
            if (imp.desc() instanceof gate.wasm.ImportDesc.Table table) {
                if (n++ == t) {
                    return table.type().elementType();
                }
            }
        }
        throw new IllegalStateException("no table " + t);
    }

    private void markUnreachable() {
        controls.get(controls.size() - 1).unreachable = true;
        skipDepth = 0;
    }

    private void select() {
        pop(3);
        ValType t = stack.popped();
        out.op(Op.SELECT);
        push(t);
    }

    private void numeric(int opcode) {
        NumericSignature sig = NumericSignature.of(opcode);
        pop(sig.arity());
        if (!Fusion.binary(out, opcode)) {
            out.op(opcode);
        }
        push(sig.result());
    }

    private void memoryAccess(int opcode) {
        in.u32(); // alignment is only a hint (core spec §4.4.7)
        long offset = in.u32() & 0xffff_ffffL;
        NumericSignature sig = NumericSignature.ofMemory(opcode);
        pop(sig.arity());
        // Memories are byte arrays, so no address at or beyond 2^31 is in bounds: a static offset
        // that large always traps (core spec §4.4.7: the effective address does not wrap).
        if (offset > Integer.MAX_VALUE) {
            out.op(Op.MEMORY_TRAP);
        } else if (opcode == 0x28 && Fusion.i32Load(out, (int) offset)) {
            // fused with the instruction that pushed the address
        } else if (opcode == 0x36 && Fusion.i32Store(out, (int) offset)) {
            // fused with the local.gets of address and value
        } else {
            out.op(opcode, (int) offset);
        }
        if (sig.result() != null) {
            push(sig.result());
        }
    }

    private void prefixed(int sub) {
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                pop(1);
                out.op(Op.PREFIX_FC + sub);
                push(sub < 4 ? ValType.I32 : ValType.I64);
            }
            case 8 -> {
                int seg = in.u32();
                in.u8();
                pop(3);
                out.op(Op.MEMORY_INIT, seg);
            }
            case 9 -> out.op(Op.DATA_DROP, in.u32());
            case 10 -> {
                in.u8();
                in.u8();
                pop(3);
                out.op(Op.MEMORY_COPY);
            }
            case 11 -> {
                in.u8();
                pop(3);
                out.op(Op.MEMORY_FILL);
            }
            case 12 -> {
                int seg = in.u32();
                int table = in.u32();
                pop(3);
                out.op(Op.TABLE_INIT, seg, table);
            }
            case 13 -> out.op(Op.ELEM_DROP, in.u32());
            case 14 -> {
                int dst = in.u32();
                int src = in.u32();
                pop(3);
                out.op(Op.TABLE_COPY, dst, src);
            }
            case 15 -> {
                pop(2);
                out.op(Op.TABLE_GROW, in.u32());
                push(ValType.I32);
            }
            case 16 -> {
                out.op(Op.TABLE_SIZE, in.u32());
                push(ValType.I32);
            }
            case 17 -> {
                pop(3);
                out.op(Op.TABLE_FILL, in.u32());
            }
            default -> throw new IllegalStateException("unexpected 0xfc " + sub);
        }
    }

    // ---- control ----

    private void structured(int opcode) {
        ValType[][] bt = readBlockType();
        ValType[] params = bt[0];
        if (opcode == 0x04) {
            pop(1);
        }
        Control c = new Control(
                opcode == 0x02 ? Control.BLOCK : opcode == 0x03 ? Control.LOOP : Control.IF,
                stack.height() - params.length,
                params,
                bt[1]);
        if (opcode == 0x03) {
            out.barrier();
            c.loopPc = out.position();
            out.op(Op.LOOP);
            points.add(SuspensionPoints.LOOP, c.loopPc, in.position() - body.bodyStart(), stack.below(stack.height()), -1);
        } else if (opcode == 0x04) {
            c.elseFixup = Fusion.conditionalJump(out, true);
        }
        controls.add(c);
    }

    private void elseBranch() {
        Control c = controls.get(controls.size() - 1);
        if (!c.unreachable) {
            out.op(Op.BR, 0);
            c.addFixup(out.position() - 1);
        }
        out.barrier();
        out.patch(c.elseFixup, out.position());
        c.elseFixup = -1;
        c.unreachable = false;
        stack.reset(c.height, c.params);
    }

    private void end() {
        Control c = controls.remove(controls.size() - 1);
        out.barrier();
        int endPc = out.position();
        for (int i = 0; i < c.fixupCount; i++) {
            out.patch(c.fixups[i], endPc);
        }
        if (c.elseFixup >= 0) {
            out.patch(c.elseFixup, endPc);
        }
        stack.reset(c.height, c.results);
        if (c.kind == Control.FUNCTION) {
            out.op(Op.RETURN, c.results.length);
        }
    }

    /** Emits a branch to the label {@code depth} levels out (core spec §4.4.8 br). */
    private void branch(int plainOp, int moveOp, int depth) {
        Control target = controls.get(controls.size() - 1 - depth);
        int arity = target.labelTypes().length;
        if (target.kind == Control.FUNCTION) {
            if (plainOp == Op.BR) {
                out.op(Op.RETURN, arity);
            } else {
                // br_if to the function label: jump to the final return, moving results down.
                emitBranch(plainOp, moveOp, target, arity);
            }
            return;
        }
        emitBranch(plainOp, moveOp, target, arity);
    }

    private void emitBranch(int plainOp, int moveOp, Control target, int arity) {
        boolean needsMove = stack.height() - arity != target.height;
        int targetSlot;
        if (needsMove) {
            out.op(moveOp, 0, arity, localTypes.length + target.height);
            targetSlot = out.position() - 3;
        } else if (plainOp == Op.BR_IF) {
            targetSlot = Fusion.conditionalJump(out, false);
        } else {
            out.op(plainOp, 0);
            targetSlot = out.position() - 1;
        }
        if (target.kind == Control.LOOP) {
            // Branches that check for interrupts themselves jump past the loop head's check.
            out.patch(targetSlot, target.loopPc + (checksBackEdge(out.at(targetSlot - 1)) ? 1 : 0));
        } else {
            target.addFixup(targetSlot);
        }
    }

    private static boolean checksBackEdge(int op) {
        return op == Op.BR || op == Op.BR_IF || (op >= Op.BR_IF_EQZ && op <= Op.BR_IF_GE_U);
    }

    private void brTable() {
        int count = in.u32();
        int[] depths = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            depths[i] = in.u32();
        }
        pop(1);
        out.op(Op.BR_TABLE, count);
        for (int depth : depths) {
            Control target = controls.get(controls.size() - 1 - depth);
            int arity = target.labelTypes().length;
            out.words(0, arity, localTypes.length + target.height);
            int slot = out.position() - 3;
            if (target.kind == Control.LOOP) {
                out.patch(slot, target.loopPc);
            } else {
                target.addFixup(slot);
            }
        }
        markUnreachable();
    }

    private void call(int callee, int opcodeOffset) {
        FuncType t = module.functionType(callee);
        int args = t.params().size();
        int relative = opcodeOffset - body.bodyStart();
        if (callee < importedFunctions) {
            points.add(SuspensionPoints.IMPORT_CALL, out.position(), relative, stack.below(stack.height()), callee);
            out.op(Op.CALL_IMPORT, callee);
        } else {
            out.op(Op.CALL, callee);
            points.add(SuspensionPoints.CALL, out.position(), relative, stack.below(stack.height() - args), callee);
        }
        pop(args);
        for (ValType r : t.results()) {
            push(r);
        }
    }

    private void callIndirect(int typeIndex, int table, int opcodeOffset) {
        FuncType t = module.types().get(typeIndex);
        pop(1);
        int args = t.params().size();
        out.op(Op.CALL_INDIRECT, typeIds[typeIndex], table);
        points.add(SuspensionPoints.CALL, out.position(), opcodeOffset - body.bodyStart(),
                stack.below(stack.height() - args), -1 - typeIds[typeIndex]);
        pop(args);
        for (ValType r : t.results()) {
            push(r);
        }
    }
}
