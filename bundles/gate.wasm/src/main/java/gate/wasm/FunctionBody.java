package gate.wasm;

import java.util.List;

/**
 * The code of one defined function (core spec §5.5.13). The instructions are not copied: they are
 * the range {@code [codeStart, end)} of {@link Module#bytes()}, ending with the final {@code end}
 * opcode.
 *
 * <p><b>Code offsets.</b> Everything that names a position inside a function (engine state,
 * traps, breakpoints) uses the offset from {@link #bodyStart()}: the first byte of the body after
 * its size, i.e. the start of the local declarations. That offset is stable when a snapshot
 * rewrites the sections before the code section.
 *
 * @param bodyStart module offset of the body (its local declarations)
 * @param codeStart module offset of the first instruction
 * @param end module offset just past the body
 * @param locals declared local types, parameters excluded, expanded (bounded by the decoder's
 *     locals limit); the decoder gives a compact {@link LocalTypes}
 */
public record FunctionBody(int bodyStart, int codeStart, int end, List<ValType> locals) {
    public FunctionBody {
        // LocalTypes is immutable and compact: copying would expand it
        locals = locals instanceof LocalTypes ? locals : List.copyOf(locals);
    }
}
