package gate.compiler.gen;

import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.Xmm;
import gate.wasm.ValType;

/**
 * Where a value of the virtual operand stack lives while a function is compiled (as in wag's
 * operand stack, gate-architecture.md §3): in its own stack slot, as a constant not yet
 * materialised, or in a register. At every control-flow edge, call site and suspension point every
 * operand is a {@link Slot}, so the stack map needs no register information.
 */
public sealed interface Operand {
    /** The value's WebAssembly type. */
    ValType type();

    /** In the canonical stack slot of its position (see {@link FrameLayout#operand}). */
    record Slot(ValType type, int position) implements Operand {
        @Override
        public String toString() {
            return type.text() + " in slot " + position;
        }
    }

    /**
     * The current value of local {@code index}, not loaded yet: instructions can use the local's
     * frame slot as a memory operand. Before the local is written, such operands are loaded
     * ({@link FunctionState#detachLocal}).
     */
    record Local(ValType type, int index) implements Operand {
        @Override
        public String toString() {
            return type.text() + " of local " + index;
        }
    }

    /**
     * Local {@code index} (which lives in a register home) plus {@code disp}, not computed yet:
     * one LEA from the home wherever it is used. Made only right before a call takes it as an
     * argument ({@code local.get; iN.const; iN.add/sub; call}), so that the LEA can write the
     * argument register after the call has stored the homes, even when it is the home itself.
     */
    record Offset(ValType type, int index, int disp) implements Operand {
        @Override
        public String toString() {
            return type.text() + " of local " + index + (disp < 0 ? " - " + -disp : " + " + disp);
        }
    }

    /** A constant, in the slot encoding of the SPI (i32 and f32 bits zero-extended). */
    record Const(ValType type, long bits) implements Operand {
        @Override
        public String toString() {
            return type.text() + ".const 0x" + Long.toHexString(bits);
        }
    }

    /** In a general-purpose register (i32 zero-extended to 64 bits); integers and references. */
    record Gp(ValType type, Reg reg) implements Operand {
        private static final Gp[][] ALL = new Gp[ValType.values().length][Reg.values().length];

        static {
            for (ValType type : ValType.values()) {
                for (Reg reg : Reg.values()) {
                    ALL[type.ordinal()][reg.ordinal()] = new Gp(type, reg);
                }
            }
        }

        /** The one instance for {@code type} in {@code reg} (operands are values). */
        public static Gp of(ValType type, Reg reg) {
            return ALL[type.ordinal()][reg.ordinal()];
        }

        @Override
        public String toString() {
            return type.text() + " in " + reg;
        }
    }

    /** In the low lane of an XMM register; floats. */
    record Fp(ValType type, Xmm reg) implements Operand {
        private static final Fp[][] ALL = new Fp[ValType.values().length][Xmm.values().length];

        static {
            for (ValType type : ValType.values()) {
                for (Xmm reg : Xmm.values()) {
                    ALL[type.ordinal()][reg.ordinal()] = new Fp(type, reg);
                }
            }
        }

        /** The one instance for {@code type} in {@code reg}. */
        public static Fp of(ValType type, Xmm reg) {
            return ALL[type.ordinal()][reg.ordinal()];
        }

        @Override
        public String toString() {
            return type.text() + " in " + reg;
        }
    }

    /**
     * An i32 0 or 1 that is still a condition of the flags register, left by a comparison for a
     * branch right after it. Only ever the top operand, and only until the next instruction
     * that is not a branch on it (the dispatch materialises it then).
     */
    record Flags(Condition condition) implements Operand {
        private static final Flags[] ALL = new Flags[Condition.values().length];

        static {
            for (Condition condition : Condition.values()) {
                ALL[condition.ordinal()] = new Flags(condition);
            }
        }

        /** The one instance for {@code condition}. */
        public static Flags of(Condition condition) {
            return ALL[condition.ordinal()];
        }

        @Override
        public ValType type() {
            return ValType.I32;
        }

        @Override
        public String toString() {
            return "i32 in flags " + condition.suffix();
        }
    }

    /** True for f32 and f64, whose registers are XMM registers. */
    static boolean isFloat(ValType type) {
        return type == ValType.F32 || type == ValType.F64;
    }
}
