package gate.compiler.gen;

/**
 * Where a compiled function lies and how its frame is laid out ({@link FrameLayout}).
 *
 * @param index function index (imports have stubs, {@code frameSize} 0)
 * @param textStart text offset of the first instruction
 * @param textEnd text offset just past the last instruction
 * @param typeId canonical signature id (the smallest equal type index)
 * @param params parameter count
 * @param declaredLocals declared local count
 * @param frameSize bytes below the saved rbp
 */
public record FunctionInfo(int index, int textStart, int textEnd, int typeId, int params,
        int declaredLocals, int frameSize) {}
