package gate.interp;

import gate.wasm.ValType;

/**
 * The interpreter keeps i32 and f32 slots with unspecified upper bits (only the low 32 bits are
 * ever read), which saves a mask per instruction; this puts a slot in the SPI's canonical form.
 */
final class Slots {
    private Slots() {}

    static long canonical(ValType type, long slot) {
        return switch (type) {
            case I32, F32 -> slot & 0xffff_ffffL;
            default -> slot;
        };
    }
}
