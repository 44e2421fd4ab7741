package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.wasm.ValType;
import gate.compiler.gen.TightLoop;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/** The flat opcode dispatch: reads each instruction's immediates and emits its code. */
final class Instructions {
    private Instructions() {}

    /** Compiles one reachable instruction; returns true at the function's final end. */
    static boolean compile(FunctionState f, CodeReader r, Opcode op) {
        if (op != Opcode.BR_IF && op != Opcode.IF && op != Opcode.I32_EQZ) {
            // Only these consume a condition still in the flags; anything else may clobber them.
            f.materializeTop();
        }
        switch (op) {
            case UNREACHABLE -> Control.unreachable(f);
            case NOP -> {}
            case BLOCK -> Control.block(f, r.blockType());
            case LOOP -> {
                int type = r.blockType();
                Control.loop(f, type, r.position(), TightLoop.at(r.bytes(), r.position(), r.limit()));
            }
            case IF -> Control.ifThen(f, r.blockType());
            case ELSE -> Control.elseBranch(f);
            case END -> {
                return Control.end(f);
            }
            case BR -> Control.br(f, r.index());
            case BR_IF -> Control.brIf(f, r.index());
            case BR_TABLE -> Control.brTable(f, r.brTable());
            case RETURN -> Control.ret(f);
            case CALL -> Calls.call(f, r.index());
            case CALL_INDIRECT -> {
                int type = r.index();
                Calls.callIndirect(f, type, r.index());
            }
            case DROP -> Parametric.drop(f);
            case SELECT -> Parametric.select(f);
            case SELECT_T -> {
                r.valueTypes();
                Parametric.select(f);
            }
            case LOCAL_GET -> Variables.localGet(f, r.index());
            case LOCAL_SET -> Variables.localSet(f, r.index());
            case LOCAL_TEE -> Variables.localTee(f, r.index());
            case GLOBAL_GET -> Variables.globalGet(f, r.index());
            case GLOBAL_SET -> Variables.globalSet(f, r.index());
            case TABLE_GET -> Tables.get(f, r.index());
            case TABLE_SET -> Tables.set(f, r.index());
            case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S,
                    I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U,
                    I64_LOAD32_S, I64_LOAD32_U -> MemoryAccess.load(f, op, r.memArg());
            case I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16,
                    I64_STORE8, I64_STORE16, I64_STORE32 -> MemoryAccess.store(f, op, r.memArg());
            case MEMORY_SIZE -> {
                r.zeroByte();
                MemoryAccess.size(f);
            }
            case MEMORY_GROW -> {
                r.zeroByte();
                MemoryAccess.grow(f);
            }
            case I32_CONST -> IntOps.constant(f, ValType.I32, r.s32() & 0xffffffffL);
            case I64_CONST -> IntOps.constant(f, ValType.I64, r.s64());
            case F32_CONST -> f.pushConst(ValType.F32, r.f32Bits() & 0xffffffffL);
            case F64_CONST -> f.pushConst(ValType.F64, r.f64Bits());
            case REF_NULL -> Tables.refNull(f, r.refType());
            case REF_IS_NULL -> Tables.isNull(f);
            case REF_FUNC -> Tables.refFunc(f, r.index());
            case MEMORY_INIT -> {
                int segment = r.index();
                r.zeroByte();
                BulkMemory.init(f, segment);
            }
            case DATA_DROP -> BulkMemory.dataDrop(f, r.index());
            case MEMORY_COPY -> {
                r.zeroByte();
                r.zeroByte();
                BulkMemory.copy(f);
            }
            case MEMORY_FILL -> {
                r.zeroByte();
                BulkMemory.fill(f);
            }
            case TABLE_INIT -> {
                int segment = r.index();
                Tables.init(f, r.index(), segment);
            }
            case ELEM_DROP -> Tables.elemDrop(f, r.index());
            case TABLE_COPY -> {
                int destination = r.index();
                Tables.copy(f, destination, r.index());
            }
            case TABLE_GROW -> Tables.grow(f, r.index());
            case TABLE_SIZE -> Tables.size(f, r.index());
            case TABLE_FILL -> Tables.fill(f, r.index());
            default -> {
                if (!IntOps.intoLocal(f, r, op)) {
                    numeric(f, op);
                }
            }
        }
        return false;
    }

    /** Which class compiles each numeric opcode, decided once from the opcode table. */
    private enum Kind { CONVERSION, FLOAT_BINARY, FLOAT_UNARY, INT_BINARY, INT_UNARY }

    private static final Kind[] KINDS = new Kind[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            if (!op.hasFixedType() || op.params().isEmpty() || op.isMemoryAccess()
                    || op.results().isEmpty()) {
                continue;
            }
            String name = op.name();
            ValType in = op.params().get(0);
            boolean floats = in == ValType.F32 || in == ValType.F64;
            if (name.contains("CONVERT") || name.contains("TRUNC_") || name.contains("REINTERPRET")
                    || name.contains("DEMOTE") || name.contains("PROMOTE")) {
                KINDS[op.ordinal()] = Kind.CONVERSION;
            } else if (floats) {
                KINDS[op.ordinal()] = op.params().size() == 2 ? Kind.FLOAT_BINARY
                        : Kind.FLOAT_UNARY;
            } else {
                KINDS[op.ordinal()] = op.params().size() == 2 ? Kind.INT_BINARY
                        : Kind.INT_UNARY;
            }
        }
    }

    /** Instructions with a fixed type: integer, float and conversion operators. */
    private static void numeric(FunctionState f, Opcode op) {
        Kind kind = KINDS[op.ordinal()];
        if (kind == null) {
            throw new IllegalArgumentException("not a numeric instruction: " + op);
        }
        switch (kind) {
            case CONVERSION -> Conversions.convert(f, op);
            case FLOAT_BINARY -> FloatOps.binary(f, op);
            case FLOAT_UNARY -> FloatOps.unary(f, op);
            case INT_BINARY -> IntOps.binary(f, op);
            case INT_UNARY -> IntOps.unary(f, op);
        }
    }
}
