package gate.compiler.codegen;

import gate.wasm.code.ImmediateKind;
import gate.wasm.code.Opcode;

/**
 * The quick scan of a validated body that {@link LocalHomes} weighs locals with: local accesses
 * (8x per enclosing loop), calls, whether bulk memory or table instructions appear and whether
 * instructions with fixed registers do. It walks
 * the bytes with a table of immediate shapes and skips numbers without decoding them, which
 * {@link gate.wasm.code.CodeReader} (checking every encoding for the validator) cannot; the
 * body is valid, so every instruction is complete and known.
 */
final class LocalUses {
    private static final byte NONE = 0;
    private static final byte ONE_NUMBER = 1;
    private static final byte TWO_NUMBERS = 2;
    private static final byte BLOCK = 3;
    private static final byte BR_TABLE = 4;
    private static final byte BYTES_4 = 5;
    private static final byte BYTES_8 = 6;
    private static final byte ONE_BYTE = 7;
    private static final byte TYPES = 8;
    private static final byte NUMBER_AND_BYTE = 9;
    private static final byte TWO_BYTES = 10;

    /** Immediate shape per single-byte opcode, then per 0xFC sub-opcode. */
    private static final byte[] SINGLE = new byte[256];
    private static final byte[] MISC = new byte[32];

    static {
        for (Opcode op : Opcode.values()) {
            byte shape = shape(op.immediate);
            if (op.prefix == 0) {
                SINGLE[op.code] = shape;
            } else if (op.prefix == Opcode.MISC_PREFIX && op.code < MISC.length) {
                MISC[op.code] = shape;
            }
        }
    }

    final long[] weight;
    int calls;
    boolean misc;
    /**
     * True if an instruction claims fixed operand registers or calls a runtime slot that
     * clobbers them: memory.size, memory.grow, integer division and remainder.
     */
    boolean fixedRegisters;

    private LocalUses(int locals) {
        weight = new long[locals];
    }

    private static byte shape(ImmediateKind kind) {
        return switch (kind) {
            case NONE -> NONE;
            case BLOCK_TYPE -> BLOCK;
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM, DATA, I32, I64 -> ONE_NUMBER;
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMARG -> TWO_NUMBERS;
            case BR_TABLE -> BR_TABLE;
            case MEMORY, REF_TYPE -> ONE_BYTE;
            case F32 -> BYTES_4;
            case F64 -> BYTES_8;
            case VALUE_TYPES -> TYPES;
            case MEMORY_INIT -> NUMBER_AND_BYTE;
            case MEMORY_COPY -> TWO_BYTES;
        };
    }

    /** Scans {@code bytes[start, end)}: the instructions of a validated body. */
    static LocalUses scan(byte[] bytes, int start, int end, int locals) {
        LocalUses uses = new LocalUses(locals);
        long[] weight = uses.weight;
        boolean[] loopAt = new boolean[16];
        int depth = 0;
        int loops = 0;
        int p = start;
        while (p < end) {
            int b = bytes[p++] & 0xff;
            switch (b) {
                case 0x02, 0x03, 0x04 -> { // block, loop, if
                    p = skipBlockType(bytes, p);
                    if (depth == loopAt.length) {
                        loopAt = java.util.Arrays.copyOf(loopAt, depth * 2);
                    }
                    loopAt[depth++] = b == 0x03;
                    loops += b == 0x03 ? 1 : 0;
                }
                case 0x0B -> { // end
                    if (depth > 0 && loopAt[--depth]) {
                        loops--;
                    }
                }
                case 0x10, 0x11 -> { // call, call_indirect
                    uses.calls++;
                    p = skipNumber(bytes, p);
                    if (b == 0x11) {
                        p = skipNumber(bytes, p);
                    }
                }
                case 0x20, 0x21, 0x22 -> { // local.get, local.set, local.tee
                    int index = 0;
                    int shift = 0;
                    int c;
                    do {
                        c = bytes[p++];
                        index |= (c & 0x7f) << shift;
                        shift += 7;
                    } while (c < 0);
                    weight[index] += 1L << Math.min(3 * loops, 40);
                }
                case Opcode.MISC_PREFIX -> {
                    uses.misc = true;
                    int sub = 0;
                    int shift = 0;
                    int c;
                    do {
                        c = bytes[p++];
                        sub |= (c & 0x7f) << shift;
                        shift += 7;
                    } while (c < 0);
                    p = skip(MISC[sub], bytes, p);
                }
                default -> {
                    if (b == 0x3F || b == 0x40 || b >= 0x6D && b <= 0x70
                            || b >= 0x7F && b <= 0x82) {
                        uses.fixedRegisters = true;
                    }
                    p = skip(SINGLE[b], bytes, p);
                }
            }
        }
        return uses;
    }

    private static int skip(byte shape, byte[] bytes, int p) {
        return switch (shape) {
            case NONE -> p;
            case ONE_NUMBER -> skipNumber(bytes, p);
            case TWO_NUMBERS -> skipNumber(bytes, skipNumber(bytes, p));
            case BLOCK -> skipBlockType(bytes, p);
            case BR_TABLE -> {
                int count = u32(bytes, p);
                p = skipNumber(bytes, p);
                for (int i = 0; i <= count; i++) {
                    p = skipNumber(bytes, p);
                }
                yield p;
            }
            case BYTES_4 -> p + 4;
            case BYTES_8 -> p + 8;
            case ONE_BYTE -> p + 1;
            case TYPES -> skipNumber(bytes, p) + u32(bytes, p); // value types are one byte each (core §5.3.4)
            case NUMBER_AND_BYTE -> skipNumber(bytes, p) + 1;
            case TWO_BYTES -> p + 2;
            default -> throw new IllegalStateException("immediate shape " + shape);
        };
    }

    /** Skips a LEB128 number. */
    private static int skipNumber(byte[] bytes, int p) {
        while (bytes[p++] < 0) {
            // continuation bit set: more bytes follow
        }
        return p;
    }

    /** The unsigned LEB128 number at {@code p} (the body is valid, so it fits 32 bits). */
    private static int u32(byte[] bytes, int p) {
        int value = 0;
        int shift = 0;
        int c;
        do {
            c = bytes[p++];
            value |= (c & 0x7f) << shift;
            shift += 7;
        } while (c < 0);
        return value;
    }

    /** Skips a block type (core §5.4.1): 0x40 or a value type in one byte, else a type index. */
    private static int skipBlockType(byte[] bytes, int p) {
        int first = bytes[p] & 0xff;
        return first == 0x40 || (first & 0xc0) == 0x40 ? p + 1 : skipNumber(bytes, p);
    }
}
