package gate.wasm.decode;

import gate.wasm.FuncType;
import gate.wasm.FunctionBody;
import gate.wasm.LocalTypes;
import gate.wasm.ResourceLimitException;
import gate.wasm.ValType;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;

/**
 * Reads one entry of the code section (core spec §5.5.13): the body size, the local declarations
 * and the range of the instructions. The instructions themselves are decoded later, by the
 * validator, so a module is read once for structure and once for code.
 */
final class CodeSectionReader {
    /** The spec's bound on locals of one function: the count must fit a u32 (§5.5.13). */
    private static final long SPEC_MAX_LOCALS = 0xFFFF_FFFFL;

    private final CodeReader in;
    private final WasmLimits limits;

    CodeSectionReader(CodeReader in, WasmLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /**
     * Reads the next body.
     *
     * @param type the function's signature, or null if its type index is unknown (the validator
     *     reports that); only used to count parameters against the locals limit
     */
    FunctionBody body(FuncType type) {
        int sizeAt = in.position();
        long size = in.u32Long();
        if (size > in.remaining()) {
            throw CodeReader.malformed(sizeAt, "unexpected end of section or function: body of " + size
                    + " bytes, " + in.remaining() + " left");
        }
        if (size > limits.functionBodySize()) {
            throw new ResourceLimitException(sizeAt, "function body too large: " + size + " bytes (limit "
                    + limits.functionBodySize() + ")");
        }
        int bodyStart = in.position();
        int end = bodyStart + (int) size;
        int sectionLimit = in.limit();
        in.limit(end);
        LocalTypes locals = locals(type == null ? 0 : type.params().size());
        int codeStart = in.position();
        in.limit(sectionLimit);
        in.position(end);
        return new FunctionBody(bodyStart, codeStart, end, locals);
    }

    private LocalTypes locals(int params) {
        int at = in.position();
        // every useful run declares at least one local, so the locals limit also bounds the runs
        int runs = in.count(2, limits.locals(), "local declarations");
        int[] counts = new int[runs];
        ValType[] types = new ValType[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long count = in.u32Long();
            types[i] = in.valType();
            total += count;
            // clamp: the exact sum no longer matters once it is too many for the spec
            counts[i] = (int) Math.min(count, Integer.MAX_VALUE);
        }
        if (total > SPEC_MAX_LOCALS) {
            throw CodeReader.malformed(at, "too many locals: " + total + " declared");
        }
        if (total + params > limits.locals()) {
            throw new ResourceLimitException(at, "too many locals: " + (total + params)
                    + " including parameters (limit " + limits.locals() + ")");
        }
        return LocalTypes.of(counts, types);
    }
}
