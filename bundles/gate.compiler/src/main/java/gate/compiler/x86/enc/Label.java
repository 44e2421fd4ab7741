package gate.compiler.x86.enc;

import java.util.Arrays;

/**
 * A branch target in one {@link CodeBuffer}: either bound to an offset, or still unbound with a
 * list of fixups (branch displacement fields) that {@link #bind} patches. A label is bound once.
 * Confined to the compiling thread, like its buffer.
 */
public final class Label {
    private static final int UNBOUND = -1;

    private int address = UNBOUND;
    /** Fixup sites: the offset of a displacement field, times 2, plus 1 for a 32-bit field. */
    private int[] fixups;
    private int fixupCount;

    /** True once {@link #bind} has been called. */
    public boolean isBound() {
        return address != UNBOUND;
    }

    /** The bound offset. */
    public int address() {
        if (!isBound()) {
            throw new IllegalStateException("label is not bound");
        }
        return address;
    }

    /** Number of displacement fields waiting for {@link #bind}. */
    public int pendingFixups() {
        return fixupCount;
    }

    /** Binds this label to the current position of {@code code} and patches every fixup. */
    public void bind(CodeBuffer code) {
        if (isBound()) {
            throw new IllegalStateException("label already bound at " + address);
        }
        address = code.position();
        for (int i = 0; i < fixupCount; i++) {
            int site = fixups[i] >>> 1;
            if ((fixups[i] & 1) != 0) {
                code.patch32(site, address - (site + 4));
            } else {
                int rel = address - (site + 1);
                if (!Imm.isInt8(rel)) {
                    throw new IllegalStateException(
                            "rel8 branch at " + (site - 1) + " cannot reach " + address);
                }
                code.patch8(site, rel);
            }
        }
        fixupCount = 0;
        fixups = null;
    }

    /**
     * Appends a displacement field of {@code width} bytes (1 or 4) that addresses this label from
     * the end of the field, which must also be the end of the instruction.
     */
    void emitDisplacement(CodeBuffer code, int width) {
        if (isBound()) {
            Displacement.emit(code, width, address);
            return;
        }
        if (fixups == null) {
            fixups = new int[2]; // most labels are bound first or have a fixup or two
        } else if (fixupCount == fixups.length) {
            fixups = Arrays.copyOf(fixups, fixupCount * 2);
        }
        fixups[fixupCount++] = code.position() << 1 | (width == 4 ? 1 : 0);
        if (width == 4) {
            code.emit32(0);
        } else {
            code.emit8(0);
        }
    }

    @Override
    public String toString() {
        return isBound() ? "label@" + address : "label(unbound, " + fixupCount + " fixups)";
    }
}
