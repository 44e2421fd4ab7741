package gate.interp;

import gate.wasm.ValType;
import java.util.Arrays;

/** A structured control instruction open during translation (core spec §3.3.8 control frames). */
final class Control {
    static final int BLOCK = 0;
    static final int LOOP = 1;
    static final int IF = 2;
    static final int FUNCTION = 3;

    final int kind;
    /** Operand height at entry, below the block's parameters. */
    final int height;
    final ValType[] params;
    final ValType[] results;
    /** Branch target of a loop (its head). */
    int loopPc = -1;
    /** Code positions that receive this block's end position. */
    int[] fixups = new int[4];
    int fixupCount;
    /** Position of the {@code if}'s jump to its else branch, or -1. */
    int elseFixup = -1;
    boolean unreachable;

    Control(int kind, int height, ValType[] params, ValType[] results) {
        this.kind = kind;
        this.height = height;
        this.params = params;
        this.results = results;
    }

    /** The types a branch to this label carries (core spec §3.3.8: a loop's label takes params). */
    ValType[] labelTypes() {
        return kind == LOOP ? params : results;
    }

    void addFixup(int position) {
        if (fixupCount == fixups.length) {
            fixups = Arrays.copyOf(fixups, fixupCount * 2);
        }
        fixups[fixupCount++] = position;
    }
}
