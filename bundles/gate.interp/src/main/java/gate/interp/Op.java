package gate.interp;

/**
 * Opcodes of the interpreter's internal code ({@code int[]}, immediates inline). Plain numeric and
 * memory instructions keep their WebAssembly byte ({@code 0x00..0xd2}); {@code 0xfc}-prefixed ones
 * become {@code 0xe0 + subopcode}; control flow and fused instructions use {@code 0x100} and up.
 * The numbers are internal and never leave the engine (states use WebAssembly code offsets).
 */
final class Op {
    private Op() {}

    static final int UNREACHABLE = 0x00;
    static final int DROP = 0x1a;
    static final int SELECT = 0x1b;
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    static final int GLOBAL_GET = 0x23;
    static final int GLOBAL_SET = 0x24;
    static final int TABLE_GET = 0x25;
    static final int TABLE_SET = 0x26;
    static final int I32_CONST = 0x41;
    static final int I64_CONST = 0x42;
    static final int F32_CONST = 0x43;
    static final int F64_CONST = 0x44;
    static final int REF_NULL = 0xd0;
    static final int REF_IS_NULL = 0xd1;
    static final int REF_FUNC = 0xd2;

    /** Base of the {@code 0xfc}-prefixed instructions. */
    static final int PREFIX_FC = 0xe0;
    static final int MEMORY_INIT = PREFIX_FC + 8;
    static final int DATA_DROP = PREFIX_FC + 9;
    static final int MEMORY_COPY = PREFIX_FC + 10;
    static final int MEMORY_FILL = PREFIX_FC + 11;
    static final int TABLE_INIT = PREFIX_FC + 12;
    static final int ELEM_DROP = PREFIX_FC + 13;
    static final int TABLE_COPY = PREFIX_FC + 14;
    static final int TABLE_GROW = PREFIX_FC + 15;
    static final int TABLE_SIZE = PREFIX_FC + 16;
    static final int TABLE_FILL = PREFIX_FC + 17;

    /** {@code target}: jump. */
    static final int BR = 0x100;
    /** {@code target arity height}: move the top {@code arity} slots to {@code fp + height}, jump. */
    static final int BR_MOVE = 0x101;
    /** {@code target}: pop an i32, jump if non-zero. */
    static final int BR_IF = 0x102;
    /** {@code target arity height}: pop an i32; if non-zero, move like {@link #BR_MOVE} and jump. */
    static final int BR_IF_MOVE = 0x103;
    /** {@code target}: pop an i32, jump if zero (the {@code if} instruction). */
    static final int BR_UNLESS = 0x104;
    /** {@code count (target arity height){count + 1}}: the last entry is the default. */
    static final int BR_TABLE = 0x105;
    /** {@code arity}: leave the function with the top {@code arity} slots as results. */
    static final int RETURN = 0x106;
    /** Loop head: a suspension point checking for interruption. */
    static final int LOOP = 0x107;
    /** {@code function}: call a function this instance defines. */
    static final int CALL = 0x108;
    /** {@code function}: call an imported function. */
    static final int CALL_IMPORT = 0x109;
    /** {@code typeId table}: call through a table. */
    static final int CALL_INDIRECT = 0x10a;
    /** A load or store whose static offset alone is beyond any memory: traps when reached. */
    static final int MEMORY_TRAP = 0x10b;

    // Fused instructions for frequent sequences in clang -O2 output (the translator's peephole).
    /** {@code a b}: local.get a; local.get b. */
    static final int LOCAL_GET2 = 0x110;
    /** {@code a b}: local.get a; local.get b; i32.add. */
    static final int I32_ADD_LL = 0x111;
    /** {@code a k}: local.get a; i32.const k; i32.add (or i32.sub with -k). */
    static final int I32_ADD_LC = 0x112;
    /** {@code k}: i32.const k; i32.add (or i32.sub with -k). */
    static final int I32_ADD_C = 0x113;
    /** {@code a k}: local.get a; i32.const k; i32.add; local.set a. */
    static final int LOCAL_INC = 0x114;
    /** {@code a offset}: local.get a; i32.load offset. */
    static final int I32_LOAD_L = 0x115;
    /** {@code target}: i32.eqz; br_if. */
    static final int BR_IF_EQZ = 0x116;
    /** {@code target}: i32.eq; br_if. The next nine follow the order of the i32 comparisons. */
    static final int BR_IF_EQ = 0x117;
    static final int BR_IF_NE = 0x118;
    static final int BR_IF_LT_S = 0x119;
    static final int BR_IF_LT_U = 0x11a;
    static final int BR_IF_GT_S = 0x11b;
    static final int BR_IF_GT_U = 0x11c;
    static final int BR_IF_LE_S = 0x11d;
    static final int BR_IF_LE_U = 0x11e;
    static final int BR_IF_GE_S = 0x11f;
    static final int BR_IF_GE_U = 0x120;

    /** {@code k}: i32.const k; i32.and. The next six likewise for their operation. */
    static final int I32_AND_C = 0x121;
    static final int I32_OR_C = 0x122;
    static final int I32_XOR_C = 0x123;
    static final int I32_SHL_C = 0x124;
    static final int I32_SHR_S_C = 0x125;
    static final int I32_SHR_U_C = 0x126;
    static final int I32_MUL_C = 0x127;
    /** {@code lo hi}: i64.const; i64.add. The next four likewise for their operation. */
    static final int I64_ADD_C = 0x128;
    static final int I64_AND_C = 0x129;
    static final int I64_MUL_C = 0x12a;
    static final int I64_SHL_C = 0x12b;
    static final int I64_SHR_U_C = 0x12c;
    /** {@code a}: local.get a; i32.add. */
    static final int I32_ADD_L = 0x12d;
    /** {@code a}: local.get a; i64.add. */
    static final int I64_ADD_L = 0x12e;
    /** {@code a}: local.get a; i64.xor. */
    static final int I64_XOR_L = 0x12f;
    /** {@code a k}: local.get a; i32.const k. */
    static final int LOCAL_CONST = 0x130;

    /** {@code x y}: local.tee x; local.get y. */
    static final int TEE_GET = 0x131;
    /** {@code address}: i32.const k; i32.load offset, with address = k + offset below 2^31. */
    static final int I32_LOAD_ABS = 0x132;
    /** {@code a b offset}: local.get a; local.get b; i32.store offset. */
    static final int I32_STORE_LL = 0x133;

    /** {@code a}: local.get a; f64.add. */
    static final int F64_ADD_L = 0x134;
    /** {@code a}: local.get a; f64.sub. */
    static final int F64_SUB_L = 0x135;
    /** {@code a}: local.get a; f64.mul. */
    static final int F64_MUL_L = 0x136;

    /** One past the largest opcode. */
    static final int COUNT = 0x137;
}
