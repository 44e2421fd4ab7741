package gate.compiler.gen;

import java.util.Arrays;

/**
 * The virtual operand stack's storage: an array and a size, with the few list operations
 * {@link FunctionState} uses. It is touched by nearly every instruction, so it skips what a
 * general list checks and counts.
 */
final class OperandStack {
    /** Object[] rather than Operand[]: storing into an array of an interface type checks. */
    private Object[] items = new Object[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Operand get(int position) {
        if (position >= size) {
            throw new IndexOutOfBoundsException("operand " + position + " of " + size);
        }
        return (Operand) items[position];
    }

    void set(int position, Operand operand) {
        if (position >= size) {
            throw new IndexOutOfBoundsException("operand " + position + " of " + size);
        }
        items[position] = operand;
    }

    void add(Operand operand) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = operand;
    }

    /** Removes the top operand, which must be at {@code position}. */
    Operand remove(int position) {
        if (position != size - 1) {
            throw new IndexOutOfBoundsException("only the top operand can be removed");
        }
        Operand top = (Operand) items[--size];
        items[size] = null;
        return top;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(items, size));
    }
}
