package gate.interp;

import gate.wasm.FuncType;
import gate.wasm.ValType;

/**
 * A defined function translated to internal code. Immutable once built; shared by all instances
 * of a program.
 *
 * <p>Frame layout on the instance's value stack: {@code fp} points at the first parameter, locals
 * follow the parameters, operands follow the locals. {@link #frameSize} slots above {@code fp}
 * are enough for any point of the function, so one check at entry covers the whole activation.
 */
final class CompiledFunction {
    final int index;
    final FuncType type;
    /** Index of the first type in the module equal to this function's type. */
    final int typeId;
    final int paramCount;
    final int resultCount;
    /** Parameters plus declared locals. */
    final int localCount;
    final ValType[] localTypes;
    final int frameSize;
    final int[] code;
    final SuspensionPoints points;
    /** WebAssembly offset of the first instruction, relative to the body start. */
    final int entryOffset;
    /**
     * Initial values of the declared locals (core §4.4.10: zero, null for references), or null
     * when they are all zero, the common case that needs no copy.
     */
    final long[] declaredInit;

    CompiledFunction(
            int index,
            FuncType type,
            int typeId,
            ValType[] localTypes,
            int maxOperandHeight,
            int[] code,
            SuspensionPoints points,
            int entryOffset) {
        this.index = index;
        this.type = type;
        this.typeId = typeId;
        this.paramCount = type.params().size();
        this.resultCount = type.results().size();
        this.localCount = localTypes.length;
        this.localTypes = localTypes;
        this.frameSize = localTypes.length + maxOperandHeight;
        this.code = code;
        this.points = points;
        this.entryOffset = entryOffset;
        this.declaredInit = declaredInit(localTypes, paramCount);
    }

    private static long[] declaredInit(ValType[] localTypes, int params) {
        long[] init = new long[localTypes.length - params];
        boolean references = false;
        for (int i = 0; i < init.length; i++) {
            if (localTypes[params + i].isReference()) {
                init[i] = gate.engine.Values.NULL_REF;
                references = true;
            }
        }
        return references ? init : null;
    }

    /** Writes the declared locals' initial values at {@code s[from, from + declared)}. */
    void initDeclared(long[] s, int from) {
        if (declaredInit == null) {
            java.util.Arrays.fill(s, from, from + localCount - paramCount, 0L);
        } else {
            System.arraycopy(declaredInit, 0, s, from, declaredInit.length);
        }
    }
}
