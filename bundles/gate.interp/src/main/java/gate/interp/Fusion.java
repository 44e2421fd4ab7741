package gate.interp;

/**
 * The translator's peephole: replaces frequent instruction sequences by one fused instruction
 * ({@link Op#LOCAL_GET2} and the following), so the dispatch loop runs fewer, larger steps.
 * Fusion never crosses a branch target (the {@link Emitter}'s barrier) and never involves a
 * suspension point, so code offsets in states stay exact.
 */
final class Fusion {
    private Fusion() {}

    /** local.get b, possibly after local.get a or local.tee a. */
    static void localGet(Emitter out, int b) {
        if (out.lastOp() == Op.LOCAL_TEE) {
            int a = out.lastImmediate(1);
            out.dropLast();
            out.op(Op.TEE_GET, a, b);
        } else if (out.lastOp() == Op.LOCAL_GET) {
            int a = out.lastImmediate(1);
            out.dropLast();
            out.op(Op.LOCAL_GET2, a, b);
        } else {
            out.op(Op.LOCAL_GET, b);
        }
    }

    /** i32.const k, possibly after local.get a. */
    static void i32Const(Emitter out, int k) {
        if (out.lastOp() == Op.LOCAL_GET) {
            int a = out.lastImmediate(1);
            out.dropLast();
            out.op(Op.LOCAL_CONST, a, k);
        } else {
            out.op(Op.I32_CONST, k);
        }
    }

    /**
     * Removes a just-pushed i32 constant and returns it (leaving a local.get it was fused with),
     * or returns null when the last instruction pushed no constant.
     */
    private static Integer takeI32Const(Emitter out) {
        if (out.lastOp() == Op.I32_CONST) {
            int k = out.lastImmediate(1);
            out.dropLast();
            return k;
        }
        if (out.lastOp() == Op.LOCAL_CONST) {
            int a = out.lastImmediate(1);
            int k = out.lastImmediate(2);
            out.dropLast();
            out.op(Op.LOCAL_GET, a);
            return k;
        }
        return null;
    }

    /**
     * A binary numeric instruction whose second operand is a constant or a local just pushed;
     * returns false when no fused form applies.
     */
    static boolean binary(Emitter out, int opcode) {
        switch (opcode) {
            case 0x6a -> {
                return addOrSub(out, 1) || withLocal(out, Op.I32_ADD_L);
            }
            case 0x6b -> {
                return addOrSub(out, -1);
            }
            case 0x6c, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76 -> {
                Integer k = takeI32Const(out);
                if (k == null) {
                    return false;
                }
                out.op(i32ConstForm(opcode), k);
                return true;
            }
            case 0x7c, 0x83, 0x7e, 0x86, 0x88 -> {
                if (out.lastOp() != Op.I64_CONST) {
                    return opcode == 0x7c && withLocal(out, Op.I64_ADD_L);
                }
                int lo = out.lastImmediate(1);
                int hi = out.lastImmediate(2);
                out.dropLast();
                out.op(i64ConstForm(opcode), lo, hi);
                return true;
            }
            case 0x85 -> {
                return withLocal(out, Op.I64_XOR_L);
            }
            case 0xa0 -> {
                return withLocal(out, Op.F64_ADD_L);
            }
            case 0xa1 -> {
                return withLocal(out, Op.F64_SUB_L);
            }
            case 0xa2 -> {
                return withLocal(out, Op.F64_MUL_L);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean withLocal(Emitter out, int fused) {
        if (out.lastOp() != Op.LOCAL_GET) {
            return false;
        }
        int a = out.lastImmediate(1);
        out.dropLast();
        out.op(fused, a);
        return true;
    }

    private static int i32ConstForm(int opcode) {
        return switch (opcode) {
            case 0x6c -> Op.I32_MUL_C;
            case 0x71 -> Op.I32_AND_C;
            case 0x72 -> Op.I32_OR_C;
            case 0x73 -> Op.I32_XOR_C;
            case 0x74 -> Op.I32_SHL_C;
            case 0x75 -> Op.I32_SHR_S_C;
            default -> Op.I32_SHR_U_C;
        };
    }

    private static int i64ConstForm(int opcode) {
        return switch (opcode) {
            case 0x7c -> Op.I64_ADD_C;
            case 0x83 -> Op.I64_AND_C;
            case 0x7e -> Op.I64_MUL_C;
            case 0x86 -> Op.I64_SHL_C;
            default -> Op.I64_SHR_U_C;
        };
    }

    /** i32.add or i32.sub ({@code sign} -1) after constant and local operands. */
    private static boolean addOrSub(Emitter out, int sign) {
        if (out.lastOp() == Op.LOCAL_CONST) {
            int a = out.lastImmediate(1);
            int k = out.lastImmediate(2) * sign;
            out.dropLast();
            out.op(Op.I32_ADD_LC, a, k);
            return true;
        }
        if (out.lastOp() == Op.I32_CONST) {
            int k = out.lastImmediate(1) * sign;
            out.dropLast();
            if (out.lastOp() == Op.LOCAL_GET) {
                int a = out.lastImmediate(1);
                out.dropLast();
                out.op(Op.I32_ADD_LC, a, k);
            } else {
                out.op(Op.I32_ADD_C, k);
            }
            return true;
        }
        if (sign > 0 && out.lastOp() == Op.LOCAL_GET2) {
            int a = out.lastImmediate(1);
            int b = out.lastImmediate(2);
            out.dropLast();
            out.op(Op.I32_ADD_LL, a, b);
            return true;
        }
        return false;
    }

    /** local.set x (or local.tee x) right after {@code x + k}. */
    static boolean localSet(Emitter out, int x, boolean tee) {
        if (out.lastOp() == Op.I32_ADD_LC && out.lastImmediate(1) == x) {
            int k = out.lastImmediate(2);
            out.dropLast();
            out.op(Op.LOCAL_INC, x, k);
            if (tee) {
                localGet(out, x);
            }
            return true;
        }
        return false;
    }

    /** i32.store of a local to the address in another local. */
    static boolean i32Store(Emitter out, int offset) {
        if (out.lastOp() == Op.LOCAL_GET2) {
            int a = out.lastImmediate(1);
            int b = out.lastImmediate(2);
            out.dropLast();
            out.op(Op.I32_STORE_LL, a, b, offset);
            return true;
        }
        return false;
    }

    /** i32.load whose address is a local, or a constant (a static variable of C). */
    static boolean i32Load(Emitter out, int offset) {
        if (out.lastOp() == Op.I32_CONST) {
            long address = (out.lastImmediate(1) & 0xffff_ffffL) + offset;
            if (address <= Integer.MAX_VALUE) {
                out.dropLast();
                out.op(Op.I32_LOAD_ABS, (int) address);
                return true;
            }
            return false;
        }
        if (out.lastOp() == Op.LOCAL_GET) {
            int a = out.lastImmediate(1);
            out.dropLast();
            out.op(Op.I32_LOAD_L, a, offset);
            return true;
        }
        return false;
    }

    /**
     * A conditional jump taken when the i32 condition just computed is non-zero ({@code
     * negate} false, br_if) or zero (negate true, the if instruction). Returns the position of
     * the target slot.
     */
    static int conditionalJump(Emitter out, boolean negate) {
        int last = out.lastOp();
        if (last >= 0x45 && last <= 0x4f) {
            out.dropLast();
            out.op(negate ? negated(last) : fused(last), 0);
        } else {
            out.op(negate ? Op.BR_UNLESS : Op.BR_IF, 0);
        }
        return out.position() - 1;
    }

    /** The fused branch taken when comparison {@code cmp} (0x45 i32.eqz .. 0x4f i32.ge_u) holds. */
    private static int fused(int cmp) {
        return Op.BR_IF_EQZ + (cmp - 0x45);
    }

    /** The fused branch taken when comparison {@code cmp} does not hold. */
    private static int negated(int cmp) {
        return switch (cmp) {
            case 0x45 -> Op.BR_IF;
            case 0x46 -> Op.BR_IF_NE;
            case 0x47 -> Op.BR_IF_EQ;
            case 0x48 -> Op.BR_IF_GE_S;
            case 0x49 -> Op.BR_IF_GE_U;
            case 0x4a -> Op.BR_IF_LE_S;
            case 0x4b -> Op.BR_IF_LE_U;
            case 0x4c -> Op.BR_IF_GT_S;
            case 0x4d -> Op.BR_IF_GT_U;
            case 0x4e -> Op.BR_IF_LT_S;
            case 0x4f -> Op.BR_IF_LT_U;
            default -> throw new IllegalArgumentException("not an i32 comparison: " + cmp);
        };
    }
}
