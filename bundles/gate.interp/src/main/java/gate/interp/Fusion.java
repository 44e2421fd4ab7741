package gate.interp;

/**
 * The translator's peephole: replaces frequent instruction sequences by one fused instruction
 * ({@link Op#LOCAL_GET2} and the following), so the dispatch loop runs fewer, larger steps.
 * Fusion never crosses a branch target (the {@link Emitter}'s barrier) and never involves a
 * suspension point, so code offsets in states stay exact.
 */
final class Fusion {
    private Fusion() {}

    /** local.get b, possibly after local.get a. */
    static void localGet(Emitter out, int b) {
        if (out.lastOp() == Op.LOCAL_GET) {
            int a = out.lastImmediate(1);
            out.dropLast();
            out.op(Op.LOCAL_GET2, a, b);
        } else {
            out.op(Op.LOCAL_GET, b);
        }
    }

    /** i32.add or i32.sub ({@code sign} -1) after constant and local operands. */
    static boolean addOrSub(Emitter out, int sign) {
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

    /** i32.load whose address is a local. */
    static boolean i32Load(Emitter out, int offset) {
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
