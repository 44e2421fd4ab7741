package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.Arrays;

/**
 * The dispatch loop. One activation's state lives in local variables (pc, sp, fp, code); caller
 * activations are records of three ints (function, return pc, fp) in {@link
 * InterpInstance#frames}, so wasm calls never recurse in Java and deep recursion ends with
 * "call stack exhausted" when the value stack or the frame records reach the instance's limit.
 *
 * <p>Each run starts with a sentinel record (function -1, fp slot = the run's base sp), so host
 * calls can re-enter the instance: the nested run ends at its own sentinel.
 */
final class Interpreter {
    private Interpreter() {}

    /** Calls defined function {@code index} with {@code args} (internal slot form). */
    static long[] call(InterpInstance in, int index, long[] args) {
        if (in.nesting >= InterpInstance.MAX_NESTING) {
            throw new TrapException(TrapId.CALL_STACK_EXHAUSTED);
        }
        CompiledFunction f = in.functions[index];
        long[] s = in.stack;
        int base = in.sp;
        if (base + Math.max(f.frameSize, args.length) > s.length) {
            throw new TrapException(TrapId.CALL_STACK_EXHAUSTED);
        }
        int r = in.depth * 3;
        if (r == in.frames.length) {
            in.growFrames();
        }
        in.frames[r] = -1;
        in.frames[r + 1] = 0;
        in.frames[r + 2] = base;
        in.depth++;
        System.arraycopy(args, 0, s, base, args.length);
        f.initDeclared(s, base + args.length);
        return run(in, f, 0, base, base + f.localCount, true);
    }

    /** Continues a suspended run: its innermost activation is the top record. */
    static long[] resume(InterpInstance in) {
        in.suspended = false;
        in.depth--;
        int r = in.depth * 3;
        CompiledFunction f = in.functions[in.frames[r]];
        return run(in, f, in.frames[r + 1], in.frames[r + 2], in.suspendedSp, false);
    }

    private static long[] run(InterpInstance in, CompiledFunction f, int startPc, int startFp, int startSp,
            boolean checkEntry) {
        in.nesting++;
        boolean done = false;
        try {
            long[] results = loop(in, f, startPc, startFp, startSp, checkEntry);
            done = true;
            return results;
        } finally {
            in.nesting--;
            if (!done && !in.suspended) {
                unwind(in);
            }
        }
    }

    /** After a trap: drop the activations of this run, down to and including its sentinel. */
    private static void unwind(InterpInstance in) {
        int d = in.depth;
        while (d > 0 && in.frames[(d - 1) * 3] != -1) {
            d--;
        }
        if (d > 0) {
            d--;
            in.sp = in.frames[d * 3 + 2];
        }
        in.depth = d;
    }

    private static long[] loop(InterpInstance in, CompiledFunction f, int startPc, int startFp, int startSp,
            boolean checkEntry) {
        final long[] s = in.stack;
        final CompiledFunction[] funcs = in.functions;
        final GlobalCell[] globals = in.globals;
        final Memory memory = in.memory;
        byte[] mem = memory == null ? null : memory.bytes;
        int[] frames = in.frames;
        int depth = in.depth;
        int[] code = f.code;
        int fn = f.index;
        int pc = startPc;
        int fp = startFp;
        int sp = startSp;
        try {
            if (checkEntry && in.interruptRequest != null) {
                in.depth = depth;
                Suspension.check(in, fn, pc, fp, sp);
            }
            for (;;) {
                switch (code[pc++]) {
                    case Op.UNREACHABLE -> throw new TrapException(TrapId.UNREACHABLE);
                    case Op.DROP -> sp--;
                    case Op.SELECT -> {
                        sp -= 2;
                        if ((int) s[sp + 1] == 0) {
                            s[sp - 1] = s[sp];
                        }
                    }
                    case Op.LOCAL_GET -> s[sp++] = s[fp + code[pc++]];
                    case Op.LOCAL_SET -> s[fp + code[pc++]] = s[--sp];
                    case Op.LOCAL_TEE -> s[fp + code[pc++]] = s[sp - 1];
                    case Op.GLOBAL_GET -> {
                        GlobalCell g = globals[code[pc++]];
                        s[sp++] = g.isFuncref() ? in.handleOf(g.ref) : g.value;
                    }
                    case Op.GLOBAL_SET -> {
                        GlobalCell g = globals[code[pc++]];
                        if (g.isFuncref()) {
                            g.ref = in.refOf(s[--sp]);
                        } else {
                            g.value = s[--sp];
                        }
                    }
                    case Op.TABLE_GET -> s[sp - 1] = TableOps.get(in, code[pc++], (int) s[sp - 1]);
                    case Op.TABLE_SET -> {
                        sp -= 2;
                        TableOps.set(in, code[pc++], (int) s[sp], s[sp + 1]);
                    }
                    case 0x28, 0x2a -> s[sp - 1] = MemoryAccess.loadI32(mem, (int) s[sp - 1], code[pc++]);
                    case 0x29, 0x2b -> s[sp - 1] = MemoryAccess.loadI64(mem, (int) s[sp - 1], code[pc++]);
                    case 0x2c -> s[sp - 1] = MemoryAccess.loadI8(mem, (int) s[sp - 1], code[pc++]);
                    case 0x2d -> s[sp - 1] = MemoryAccess.loadI8(mem, (int) s[sp - 1], code[pc++]) & 0xff;
                    case 0x2e -> s[sp - 1] = MemoryAccess.loadI16(mem, (int) s[sp - 1], code[pc++]);
                    case 0x2f -> s[sp - 1] = MemoryAccess.loadI16(mem, (int) s[sp - 1], code[pc++]) & 0xffff;
                    case 0x30, 0x31, 0x32, 0x33, 0x34, 0x35 ->
                        s[sp - 1] = MemoryAccess.loadI64Narrow(code[pc - 1], mem, (int) s[sp - 1], code[pc++]);
                    case 0x36, 0x38 -> {
                        sp -= 2;
                        MemoryAccess.storeI32(mem, (int) s[sp], code[pc++], (int) s[sp + 1]);
                    }
                    case 0x37, 0x39 -> {
                        sp -= 2;
                        MemoryAccess.storeI64(mem, (int) s[sp], code[pc++], s[sp + 1]);
                    }
                    case 0x3a, 0x3c -> {
                        sp -= 2;
                        MemoryAccess.storeI8(mem, (int) s[sp], code[pc++], (int) s[sp + 1]);
                    }
                    case 0x3b, 0x3d -> {
                        sp -= 2;
                        MemoryAccess.storeI16(mem, (int) s[sp], code[pc++], (int) s[sp + 1]);
                    }
                    case 0x3e -> {
                        sp -= 2;
                        MemoryAccess.storeI32(mem, (int) s[sp], code[pc++], (int) s[sp + 1]);
                    }
                    case 0x3f -> s[sp++] = mem.length >>> 16;
                    case 0x40 -> {
                        s[sp - 1] = memory.grow((int) s[sp - 1] & 0xffff_ffffL, in.limits.maxMemoryPages());
                        mem = memory.bytes;
                    }
                    case Op.I32_CONST -> s[sp++] = code[pc++];
                    case Op.I64_CONST, Op.F64_CONST -> {
                        s[sp++] = (code[pc] & 0xffff_ffffL) | (long) code[pc + 1] << 32;
                        pc += 2;
                    }
                    case Op.F32_CONST -> s[sp++] = code[pc++];

                    // i32 comparisons
                    case 0x45 -> s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                    case 0x46 -> { sp--; s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0; }
                    case 0x47 -> { sp--; s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0; }
                    case 0x48 -> { sp--; s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0; }
                    case 0x49 -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0; }
                    case 0x4a -> { sp--; s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0; }
                    case 0x4b -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0; }
                    case 0x4c -> { sp--; s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0; }
                    case 0x4d -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0; }
                    case 0x4e -> { sp--; s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0; }
                    case 0x4f -> { sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0; }
                    // i64 comparisons
                    case 0x50 -> s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                    case 0x51 -> { sp--; s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0; }
                    case 0x52 -> { sp--; s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0; }
                    case 0x53 -> { sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0; }
                    case 0x54 -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0; }
                    case 0x55 -> { sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0; }
                    case 0x56 -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0; }
                    case 0x57 -> { sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0; }
                    case 0x58 -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0; }
                    case 0x59 -> { sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0; }
                    case 0x5a -> { sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0; }
                    // f64 comparisons
                    case 0x61 -> { sp--; s[sp - 1] = f64(s[sp - 1]) == f64(s[sp]) ? 1 : 0; }
                    case 0x62 -> { sp--; s[sp - 1] = f64(s[sp - 1]) != f64(s[sp]) ? 1 : 0; }
                    case 0x63 -> { sp--; s[sp - 1] = f64(s[sp - 1]) < f64(s[sp]) ? 1 : 0; }
                    case 0x64 -> { sp--; s[sp - 1] = f64(s[sp - 1]) > f64(s[sp]) ? 1 : 0; }
                    case 0x65 -> { sp--; s[sp - 1] = f64(s[sp - 1]) <= f64(s[sp]) ? 1 : 0; }
                    case 0x66 -> { sp--; s[sp - 1] = f64(s[sp - 1]) >= f64(s[sp]) ? 1 : 0; }
                    // i32 arithmetic
                    case 0x6a -> { sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; }
                    case 0x6b -> { sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; }
                    case 0x6c -> { sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; }
                    case 0x6d -> { sp--; s[sp - 1] = IntegerOps.i32DivS((int) s[sp - 1], (int) s[sp]); }
                    case 0x6e -> { sp--; s[sp - 1] = IntegerOps.i32DivU((int) s[sp - 1], (int) s[sp]); }
                    case 0x6f -> { sp--; s[sp - 1] = IntegerOps.i32RemS((int) s[sp - 1], (int) s[sp]); }
                    case 0x70 -> { sp--; s[sp - 1] = IntegerOps.i32RemU((int) s[sp - 1], (int) s[sp]); }
                    case 0x71 -> { sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; }
                    case 0x72 -> { sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; }
                    case 0x73 -> { sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; }
                    case 0x74 -> { sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; }
                    case 0x75 -> { sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; }
                    case 0x76 -> { sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; }
                    case 0x77 -> { sp--; s[sp - 1] = Integer.rotateLeft((int) s[sp - 1], (int) s[sp]); }
                    case 0x78 -> { sp--; s[sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]); }
                    // i64 arithmetic
                    case 0x7c -> { sp--; s[sp - 1] += s[sp]; }
                    case 0x7d -> { sp--; s[sp - 1] -= s[sp]; }
                    case 0x7e -> { sp--; s[sp - 1] *= s[sp]; }
                    case 0x7f -> { sp--; s[sp - 1] = IntegerOps.i64DivS(s[sp - 1], s[sp]); }
                    case 0x80 -> { sp--; s[sp - 1] = IntegerOps.i64DivU(s[sp - 1], s[sp]); }
                    case 0x81 -> { sp--; s[sp - 1] = IntegerOps.i64RemS(s[sp - 1], s[sp]); }
                    case 0x82 -> { sp--; s[sp - 1] = IntegerOps.i64RemU(s[sp - 1], s[sp]); }
                    case 0x83 -> { sp--; s[sp - 1] &= s[sp]; }
                    case 0x84 -> { sp--; s[sp - 1] |= s[sp]; }
                    case 0x85 -> { sp--; s[sp - 1] ^= s[sp]; }
                    case 0x86 -> { sp--; s[sp - 1] <<= s[sp]; }
                    case 0x87 -> { sp--; s[sp - 1] >>= s[sp]; }
                    case 0x88 -> { sp--; s[sp - 1] >>>= s[sp]; }
                    case 0x89 -> { sp--; s[sp - 1] = Long.rotateLeft(s[sp - 1], (int) s[sp]); }
                    case 0x8a -> { sp--; s[sp - 1] = Long.rotateRight(s[sp - 1], (int) s[sp]); }
                    // f64 arithmetic
                    case 0x99 -> s[sp - 1] = FloatOps.f64Abs(s[sp - 1]);
                    case 0x9a -> s[sp - 1] = FloatOps.f64Neg(s[sp - 1]);
                    case 0xa0 -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) + f64(s[sp])); }
                    case 0xa1 -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) - f64(s[sp])); }
                    case 0xa2 -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) * f64(s[sp])); }
                    case 0xa3 -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) / f64(s[sp])); }
                    case 0xa4 -> { sp--; s[sp - 1] = FloatOps.f64Min(f64(s[sp - 1]), f64(s[sp])); }
                    case 0xa5 -> { sp--; s[sp - 1] = FloatOps.f64Max(f64(s[sp - 1]), f64(s[sp])); }
                    case 0xa6 -> { sp--; s[sp - 1] = FloatOps.f64Copysign(s[sp - 1], s[sp]); }
                    // conversions (i32 results keep unspecified upper bits, see Slots)
                    case 0xa7 -> { }
                    case 0xac -> s[sp - 1] = (int) s[sp - 1];
                    case 0xad -> s[sp - 1] = s[sp - 1] & 0xffff_ffffL;
                    case 0xbc, 0xbd, 0xbe, 0xbf -> { }
                    case Op.REF_NULL -> s[sp++] = -1L;
                    case Op.REF_IS_NULL -> s[sp - 1] = s[sp - 1] == -1L ? 1 : 0;
                    case Op.REF_FUNC -> s[sp++] = code[pc++];
                    case Op.MEMORY_INIT -> {
                        sp -= 3;
                        BulkOps.memoryInit(in, code[pc++], (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                    }
                    case Op.DATA_DROP -> in.droppedData[code[pc++]] = true;
                    case Op.MEMORY_COPY -> {
                        sp -= 3;
                        BulkOps.memoryCopy(mem, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                    }
                    case Op.MEMORY_FILL -> {
                        sp -= 3;
                        BulkOps.memoryFill(mem, (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                    }
                    case Op.TABLE_INIT -> {
                        sp -= 3;
                        TableOps.init(in, code[pc], code[pc + 1], (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                        pc += 2;
                    }
                    case Op.ELEM_DROP -> in.elements[code[pc++]] = TableOps.EMPTY;
                    case Op.TABLE_COPY -> {
                        sp -= 3;
                        TableOps.copy(in, code[pc], code[pc + 1], (int) s[sp], (int) s[sp + 1], (int) s[sp + 2]);
                        pc += 2;
                    }
                    case Op.TABLE_GROW -> {
                        sp--;
                        s[sp - 1] = TableOps.grow(in, code[pc++], s[sp - 1], (int) s[sp]);
                    }
                    case Op.TABLE_SIZE -> s[sp++] = in.tables[code[pc++]].elements.length;
                    case Op.TABLE_FILL -> {
                        sp -= 3;
                        TableOps.fill(in, code[pc++], (int) s[sp], s[sp + 1], (int) s[sp + 2]);
                    }

                    // ---- control ----
                    case Op.BR -> {
                        int t = code[pc];
                        if (t <= pc && in.interruptRequest != null) {
                            backEdge(in, depth, fn, t, fp, sp);
                        }
                        pc = t;
                    }
                    case Op.BR_MOVE -> {
                        int arity = code[pc + 1];
                        int to = fp + code[pc + 2];
                        System.arraycopy(s, sp - arity, s, to, arity);
                        sp = to + arity;
                        pc = code[pc];
                    }
                    case Op.BR_IF -> {
                        if ((int) s[--sp] != 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_MOVE -> {
                        if ((int) s[--sp] != 0) {
                            int arity = code[pc + 1];
                            int to = fp + code[pc + 2];
                            System.arraycopy(s, sp - arity, s, to, arity);
                            sp = to + arity;
                            pc = code[pc];
                        } else {
                            pc += 3;
                        }
                    }
                    case Op.BR_UNLESS -> pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
                    case Op.BR_TABLE -> {
                        int count = code[pc];
                        int i = (int) s[--sp];
                        int entry = pc + 1 + 3 * (Integer.compareUnsigned(i, count) < 0 ? i : count);
                        int arity = code[entry + 1];
                        int to = fp + code[entry + 2];
                        if (to != sp - arity) {
                            System.arraycopy(s, sp - arity, s, to, arity);
                        }
                        sp = to + arity;
                        pc = code[entry];
                    }
                    case Op.LOOP -> {
                        if (in.interruptRequest != null) {
                            in.depth = depth;
                            Suspension.check(in, fn, pc - 1, fp, sp);
                        }
                    }
                    case Op.RETURN -> {
                        int arity = code[pc];
                        System.arraycopy(s, sp - arity, s, fp, arity);
                        sp = fp + arity;
                        depth--;
                        int r = depth * 3;
                        int caller = frames[r];
                        if (caller < 0) {
                            in.depth = depth;
                            in.sp = frames[r + 2];
                            return Arrays.copyOfRange(s, fp, fp + arity);
                        }
                        fn = caller;
                        pc = frames[r + 1];
                        fp = frames[r + 2];
                        code = funcs[caller].code;
                    }
                    case Op.CALL -> {
                        CompiledFunction callee = funcs[code[pc++]];
                        int r = depth * 3;
                        if (r == frames.length) {
                            in.depth = depth;
                            frames = in.growFrames();
                        }
                        int newFp = sp - callee.paramCount;
                        if (newFp + callee.frameSize > s.length) {
                            in.depth = depth;
                            throw new TrapException(TrapId.CALL_STACK_EXHAUSTED);
                        }
                        frames[r] = fn;
                        frames[r + 1] = pc;
                        frames[r + 2] = fp;
                        depth++;
                        fp = newFp;
                        callee.initDeclared(s, sp);
                        sp = newFp + callee.localCount;
                        fn = callee.index;
                        code = callee.code;
                        pc = 0;
                        if (in.interruptRequest != null) {
                            in.depth = depth;
                            Suspension.check(in, fn, 0, fp, sp);
                        }
                    }
                    case Op.CALL_IMPORT -> {
                        if (in.interruptRequest != null) {
                            in.depth = depth;
                            Suspension.check(in, fn, pc - 1, fp, sp);
                        }
                        in.depth = depth;
                        in.sp = sp;
                        sp = Calls.callImport(in, fn, pc - 1, fp, in.functionRefs[code[pc]], sp);
                        pc++;
                        frames = in.frames;
                        if (memory != null) {
                            mem = memory.bytes;
                        }
                    }
                    case Op.CALL_INDIRECT -> {
                        int typeId = code[pc];
                        FunctionRef target = TableOps.indirectTarget(in, code[pc + 1], (int) s[--sp], typeId);
                        pc += 2;
                        if (target instanceof InstanceFunction local && local.owner == in) {
                            CompiledFunction callee = funcs[local.index];
                            int r = depth * 3;
                            if (r == frames.length) {
                                in.depth = depth;
                                frames = in.growFrames();
                            }
                            int newFp = sp - callee.paramCount;
                            if (newFp + callee.frameSize > s.length) {
                                in.depth = depth;
                                throw new TrapException(TrapId.CALL_STACK_EXHAUSTED);
                            }
                            frames[r] = fn;
                            frames[r + 1] = pc;
                            frames[r + 2] = fp;
                            depth++;
                            fp = newFp;
                            callee.initDeclared(s, sp);
                            sp = newFp + callee.localCount;
                            fn = callee.index;
                            code = callee.code;
                            pc = 0;
                            if (in.interruptRequest != null) {
                                in.depth = depth;
                                Suspension.check(in, fn, 0, fp, sp);
                            }
                        } else {
                            in.depth = depth;
                            in.sp = sp;
                            sp = Calls.callExternal(in, target, sp);
                            frames = in.frames;
                            if (memory != null) {
                                mem = memory.bytes;
                            }
                        }
                    }
                    case Op.MEMORY_TRAP -> throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
                    // ---- fused instructions (see Fusion) ----
                    case Op.LOCAL_GET2 -> {
                        s[sp] = s[fp + code[pc]];
                        s[sp + 1] = s[fp + code[pc + 1]];
                        sp += 2;
                        pc += 2;
                    }
                    case Op.I32_ADD_LL -> {
                        s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
                        pc += 2;
                    }
                    case Op.I32_ADD_LC -> {
                        s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                        pc += 2;
                    }
                    case Op.I32_ADD_C -> s[sp - 1] = (int) s[sp - 1] + code[pc++];
                    case Op.LOCAL_INC -> {
                        int at = fp + code[pc];
                        s[at] = (int) s[at] + code[pc + 1];
                        pc += 2;
                    }
                    case Op.I32_LOAD_L -> {
                        s[sp++] = MemoryAccess.loadI32(mem, (int) s[fp + code[pc]], code[pc + 1]);
                        pc += 2;
                    }
                    case Op.I32_AND_C -> s[sp - 1] = (int) s[sp - 1] & code[pc++];
                    case Op.I32_OR_C -> s[sp - 1] = (int) s[sp - 1] | code[pc++];
                    case Op.I32_XOR_C -> s[sp - 1] = (int) s[sp - 1] ^ code[pc++];
                    case Op.I32_SHL_C -> s[sp - 1] = (int) s[sp - 1] << code[pc++];
                    case Op.I32_SHR_S_C -> s[sp - 1] = (int) s[sp - 1] >> code[pc++];
                    case Op.I32_SHR_U_C -> s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
                    case Op.I32_MUL_C -> s[sp - 1] = (int) s[sp - 1] * code[pc++];
                    case Op.I64_ADD_C -> {
                        s[sp - 1] += (code[pc] & 0xffff_ffffL) | (long) code[pc + 1] << 32;
                        pc += 2;
                    }
                    case Op.I64_AND_C -> {
                        s[sp - 1] &= (code[pc] & 0xffff_ffffL) | (long) code[pc + 1] << 32;
                        pc += 2;
                    }
                    case Op.I64_MUL_C -> {
                        s[sp - 1] *= (code[pc] & 0xffff_ffffL) | (long) code[pc + 1] << 32;
                        pc += 2;
                    }
                    case Op.I64_SHL_C -> {
                        s[sp - 1] <<= code[pc];
                        pc += 2;
                    }
                    case Op.I64_SHR_U_C -> {
                        s[sp - 1] >>>= code[pc];
                        pc += 2;
                    }
                    case Op.I32_ADD_L -> s[sp - 1] = (int) s[sp - 1] + (int) s[fp + code[pc++]];
                    case Op.I64_ADD_L -> s[sp - 1] += s[fp + code[pc++]];
                    case Op.I64_XOR_L -> s[sp - 1] ^= s[fp + code[pc++]];
                    case Op.LOCAL_CONST -> {
                        s[sp] = s[fp + code[pc]];
                        s[sp + 1] = code[pc + 1];
                        sp += 2;
                        pc += 2;
                    }
                    case Op.TEE_GET -> {
                        s[fp + code[pc]] = s[sp - 1];
                        s[sp++] = s[fp + code[pc + 1]];
                        pc += 2;
                    }
                    case Op.I32_LOAD_ABS -> s[sp++] = MemoryAccess.loadI32(mem, code[pc++], 0);
                    case Op.I32_STORE_LL -> {
                        MemoryAccess.storeI32(mem, (int) s[fp + code[pc]], code[pc + 2], (int) s[fp + code[pc + 1]]);
                        pc += 3;
                    }
                    case Op.F64_ADD_L -> s[sp - 1] = bits(f64(s[sp - 1]) + f64(s[fp + code[pc++]]));
                    case Op.F64_SUB_L -> s[sp - 1] = bits(f64(s[sp - 1]) - f64(s[fp + code[pc++]]));
                    case Op.F64_MUL_L -> s[sp - 1] = bits(f64(s[sp - 1]) * f64(s[fp + code[pc++]]));
                    case Op.BR_IF_EQZ -> {
                        if ((int) s[--sp] == 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_EQ -> {
                        sp -= 2;
                        if ((int) s[sp] == (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_NE -> {
                        sp -= 2;
                        if ((int) s[sp] != (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_LT_S -> {
                        sp -= 2;
                        if ((int) s[sp] < (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_LT_U -> {
                        sp -= 2;
                        if (Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) < 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_GT_S -> {
                        sp -= 2;
                        if ((int) s[sp] > (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_GT_U -> {
                        sp -= 2;
                        if (Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) > 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_LE_S -> {
                        sp -= 2;
                        if ((int) s[sp] <= (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_LE_U -> {
                        sp -= 2;
                        if (Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) <= 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_GE_S -> {
                        sp -= 2;
                        if ((int) s[sp] >= (int) s[sp + 1]) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    case Op.BR_IF_GE_U -> {
                        sp -= 2;
                        if (Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) >= 0) {
                            int t = code[pc];
                            if (t <= pc && in.interruptRequest != null) {
                                backEdge(in, depth, fn, t, fp, sp);
                            }
                            pc = t;
                        } else {
                            pc++;
                        }
                    }
                    default -> sp = ColdOps.execute(code[pc - 1], s, sp);
                }
            }
        } catch (TrapException e) {
            if (in.suspended) {
                throw e;
            }
            in.depth = depth;
            if (!e.wasmStackTrace().isEmpty()) {
                throw e;
            }
            throw e.withStackTrace(StackTrace.of(in, fn, depth));
        }
    }

    /**
     * A taken backward branch (only loops are backward targets) while an interrupt is pending:
     * it may suspend at the loop head, the instruction before {@code target}, which the branch
     * skips because it performs the head's check itself.
     */
    private static void backEdge(InterpInstance in, int depth, int fn, int target, int fp, int sp) {
        in.depth = depth;
        Suspension.check(in, fn, target - 1, fp, sp);
    }

    private static float f32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double f64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }
}
