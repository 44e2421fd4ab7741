package gate.compiler.gen;

import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Recognises a small innermost loop: at most {@link #MAX_INSTRUCTIONS} instructions up to its
 * {@code end}, with no nested block, loop or if and no call. Such a loop runs many times per
 * entry, and whether its few instructions lie in one 64-byte line of the decoded-instruction
 * cache otherwise depends on the code before it: sieve.wasm's 30-byte inner loop ran 10-15%
 * slower when unrelated code before it moved it from 0x296 (one line) to 0x272 (across 0x280).
 * Its header starts a {@link #ALIGNMENT}-byte block ({@code Control.loop}), so a loop of up to
 * that size never straddles a line. Other loops are left where they fall: aligning every loop
 * header cost bytecode.wasm's large dispatch loop 30%.
 *
 * <p>The scan is byte-level, reads only validated code, and stops at the first instruction that
 * disqualifies the loop, so it costs little more than the loop's own decoding.
 */
public final class TightLoop {
    /** Where a tight loop's header starts: padding up to 31 bytes, at most 4 NOPs run once. */
    public static final int ALIGNMENT = 32;

    /** Instructions in the body, its {@code end} not counted. */
    static final int MAX_INSTRUCTIONS = 24;

    private TightLoop() {}

    /** True if the loop body starting at {@code bodyStart} (after its block type) is a tight loop. */
    public static boolean at(byte[] bytes, int bodyStart, int limit) {
        CodeReader r = new CodeReader(bytes, bodyStart, limit);
        for (int count = 0; count <= MAX_INSTRUCTIONS && !r.atEnd(); count++) {
            Opcode op = r.opcode();
            switch (op) {
                case END -> {
                    return true;
                }
                case BLOCK, LOOP, IF, ELSE, CALL, CALL_INDIRECT, BR_TABLE, RETURN, UNREACHABLE -> {
                    return false;
                }
                default -> r.skipImmediates(op);
            }
        }
        return false;
    }
}
