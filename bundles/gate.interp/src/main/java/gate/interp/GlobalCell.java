package gate.interp;

import gate.engine.GlobalExtern;
import gate.engine.Values;
import gate.wasm.GlobalType;
import gate.wasm.ValType;

/**
 * A global variable (core spec §4.2.9), shareable between instances. Numbers and externrefs live
 * in {@link #value} in the engine's internal slot form; a funcref lives in {@link #ref} because
 * function handles are relative to an instance.
 */
final class GlobalCell implements GlobalExtern {
    private final GlobalType type;
    long value;
    FunctionRef ref;

    GlobalCell(GlobalType type) {
        this.type = type;
        if (type.type().isReference()) {
            value = Values.NULL_REF;
        }
    }

    @Override
    public GlobalType type() {
        return type;
    }

    boolean isFuncref() {
        return type.type() == ValType.FUNCREF;
    }

    /** Canonical slot (package documentation of gate.engine): i32 and f32 zero-extended. */
    @Override
    public long get() {
        if (isFuncref()) {
            return ref == null ? Values.NULL_REF : ref.canonicalIndex();
        }
        return Slots.canonical(type.type(), value);
    }

    @Override
    public void set(long value) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        if (isFuncref()) {
            if (value != Values.NULL_REF) {
                throw new IllegalArgumentException("a host can only set a funcref global to null");
            }
            ref = null;
            return;
        }
        this.value = value;
    }
}
