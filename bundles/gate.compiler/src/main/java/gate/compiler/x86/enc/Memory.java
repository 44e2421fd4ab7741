package gate.compiler.x86.enc;

/**
 * A memory operand: {@code [base + index*scale + disp]} or RIP-relative. The encoder picks the
 * shortest ModRM/SIB/displacement form for it (see {@link ModRm}).
 */
public sealed interface Memory {

    /**
     * {@code [base + index*scale + disp]}, where base and index are optional (null) but not both
     * absent.
     *
     * @param base  base register, or null for {@code [index*scale + disp32]}
     * @param index index register, or null; never RSP, whose SIB index code means "no index"
     * @param scale 1, 2, 4 or 8 (1 when there is no index)
     * @param disp  signed displacement
     * @param wide  true to encode the displacement in 32 bits even when a shorter form exists,
     *              so that it can be patched later (only meaningful with a base register)
     */
    record Based(Reg base, Reg index, int scale, int disp, boolean wide) implements Memory {
        /** The shortest encoding of {@code [base + index*scale + disp]}. */
        public Based(Reg base, Reg index, int scale, int disp) {
            this(base, index, scale, disp, false);
        }

        public Based {
            if (base == null && index == null) {
                throw new IllegalArgumentException("memory operand without base or index");
            }
            if (index == Reg.RSP) {
                throw new IllegalArgumentException("rsp cannot be an index register");
            }
            if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
                throw new IllegalArgumentException("scale " + scale + " is not 1, 2, 4 or 8");
            }
            if (index == null && scale != 1) {
                throw new IllegalArgumentException("scale " + scale + " without an index");
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("[");
            if (base != null) {
                text.append(base);
            }
            if (index != null) {
                text.append(base != null ? "+" : "").append(index).append('*').append(scale);
            }
            if (disp != 0) {
                text.append(disp < 0 ? "-" : "+").append(Math.abs((long) disp));
            }
            return text.append(']').toString();
        }
    }

    /**
     * {@code [rip + disp32]} addressing {@code target}, an offset in the same {@link CodeBuffer}.
     * The encoder computes the displacement from the end of the instruction.
     */
    record RipRelative(int target) implements Memory {
        @Override
        public String toString() {
            return "[rip->" + target + "]";
        }
    }

    /** {@code [base]}. */
    static Memory at(Reg base) {
        return new Based(base, null, 1, 0);
    }

    /** {@code [base + disp]}. */
    static Memory at(Reg base, int disp) {
        return new Based(base, null, 1, disp);
    }

    /**
     * {@code [base + disp]} with a 32-bit displacement field whatever the value, for displacements
     * patched after emission (a frame size known only at the end of a function, say).
     */
    static Memory atWide(Reg base, int disp) {
        return new Based(base, null, 1, disp, true);
    }

    /** {@code [base + index*scale + disp]}. */
    static Memory at(Reg base, Reg index, int scale, int disp) {
        return new Based(base, index, scale, disp);
    }

    /** {@code [index*scale + disp32]} with no base register. */
    static Memory indexed(Reg index, int scale, int disp) {
        return new Based(null, index, scale, disp);
    }

    /** RIP-relative reference to offset {@code target} of the code buffer. */
    static Memory rip(int target) {
        return new RipRelative(target);
    }
}
