package gate.compiler.gen;

import gate.wasm.ValType;
import java.util.List;

/**
 * One entry of the stack map: a text offset the runtime can report (a trap pc or a return
 * address found on the stack) and the WebAssembly state at that point.
 *
 * @param textOffset the return address or faulting instruction, relative to the text base
 * @param kind what the offset is
 * @param function function index (module index space), or -1 for the entry routine
 * @param codeOffset offset of the WebAssembly instruction from the function body start
 *     ({@link gate.wasm.FunctionBody}); for {@link SiteKind#LOOP} the loop body's first
 *     instruction, for {@link SiteKind#ENTRY} the first instruction
 * @param operands types of the operands in their slots (bottom first); for {@link SiteKind#CALL}
 *     without the call's arguments; empty where the operands are not needed (traps)
 */
public record Site(int textOffset, SiteKind kind, int function, int codeOffset,
        List<ValType> operands) {
    public Site {
        operands = List.copyOf(operands);
    }
}
