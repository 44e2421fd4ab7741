package gate.interp;

import gate.wasm.ValType;
import java.util.Arrays;

/**
 * Where a function can be suspended, mapping internal code positions to WebAssembly code offsets
 * (relative to the body start, as {@link gate.engine.InstanceState.Frame} wants them) and back,
 * with the operand types there so captured values can be put in canonical form. Points are added
 * in code order, so both position arrays are sorted.
 */
final class SuspensionPoints {
    /** Function entry: internal position 0, no operands. */
    static final byte ENTRY = 0;
    /** First instruction of a loop body. */
    static final byte LOOP = 1;
    /** A call in progress in a caller frame; the position is the return address. */
    static final byte CALL = 2;
    /** A call of an imported function to be retried; its arguments are still operands. */
    static final byte IMPORT_CALL = 3;

    private int count;
    private int[] pcs = new int[8];
    private int[] offsets = new int[8];
    private byte[] kinds = new byte[8];
    private ValType[][] operandTypes = new ValType[8][];
    /** For {@link #CALL}: the callee's function index, or -1-typeId for call_indirect. */
    private int[] callees = new int[8];

    void add(byte kind, int pc, int offset, ValType[] types, int callee) {
        if (count == pcs.length) {
            int n = count * 2;
            pcs = Arrays.copyOf(pcs, n);
            offsets = Arrays.copyOf(offsets, n);
            kinds = Arrays.copyOf(kinds, n);
            operandTypes = Arrays.copyOf(operandTypes, n);
            callees = Arrays.copyOf(callees, n);
        }
        pcs[count] = pc;
        offsets[count] = offset;
        kinds[count] = kind;
        operandTypes[count] = types;
        callees[count] = callee;
        count++;
    }

    void trim() {
        pcs = Arrays.copyOf(pcs, count);
        offsets = Arrays.copyOf(offsets, count);
        kinds = Arrays.copyOf(kinds, count);
        operandTypes = Arrays.copyOf(operandTypes, count);
        callees = Arrays.copyOf(callees, count);
    }

    /** The point whose internal position is {@code pc} and kind is {@code kind}, or -1. */
    int findByPc(int pc, byte kind) {
        int i = Arrays.binarySearch(pcs, 0, count, pc);
        if (i < 0) {
            return -1;
        }
        // A LOOP at the same position as another point cannot happen (LOOP emits an op), but a
        // call's return address can equal the next point's position: scan the neighbours.
        while (i > 0 && pcs[i - 1] == pc) {
            i--;
        }
        for (; i < count && pcs[i] == pc; i++) {
            if (kinds[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    /** The point at WebAssembly offset {@code offset} of one of {@code kinds}, or -1. */
    int findByOffset(int offset, byte... wanted) {
        int i = Arrays.binarySearch(offsets, 0, count, offset);
        if (i < 0) {
            return -1;
        }
        while (i > 0 && offsets[i - 1] == offset) {
            i--;
        }
        for (; i < count && offsets[i] == offset; i++) {
            for (byte k : wanted) {
                if (kinds[i] == k) {
                    return i;
                }
            }
        }
        return -1;
    }

    int pc(int point) {
        return pcs[point];
    }

    int offset(int point) {
        return offsets[point];
    }

    byte kind(int point) {
        return kinds[point];
    }

    ValType[] operandTypes(int point) {
        return operandTypes[point];
    }

    int callee(int point) {
        return callees[point];
    }
}
