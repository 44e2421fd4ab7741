package gate.engine;

import java.util.List;

/**
 * The complete state of a stopped instance in a form every engine can restore: what snapshots are
 * made of. Values use the SPI's canonical slot encoding (package documentation).
 *
 * <p>Only entities the module defines are included; imported ones belong to their owners.
 *
 * @param memory contents of the defined memory (its length is the current size), or null
 * @param globals values of the defined globals, in index order
 * @param tables elements of each defined table
 * @param droppedData indexes of data segments dropped (by {@code data.drop} or instantiation)
 * @param droppedElements indexes of element segments dropped
 * @param stack the suspended call stack, outermost frame first; empty when nothing is running
 */
public record InstanceState(
        byte[] memory,
        long[] globals,
        List<long[]> tables,
        List<Integer> droppedData,
        List<Integer> droppedElements,
        List<Frame> stack) {

    public InstanceState {
        tables = List.copyOf(tables);
        droppedData = List.copyOf(droppedData);
        droppedElements = List.copyOf(droppedElements);
        stack = List.copyOf(stack);
    }

    /**
     * One activation. {@code codeOffset} is relative to the function body start (see {@link
     * gate.wasm.FunctionBody}). In every frame but the innermost it is the {@code call} or {@code
     * call_indirect} in progress, whose arguments are no longer on {@code operands}. In the
     * innermost frame it is the instruction to execute next: the first instruction (suspended at
     * function entry), the first instruction of a loop body (suspended at a back-edge), or a
     * {@code call} of an imported function to be retried.
     *
     * @param locals parameters then declared locals
     * @param operands the operand stack, bottom first
     */
    public record Frame(int functionIndex, int codeOffset, long[] locals, long[] operands) {}
}
