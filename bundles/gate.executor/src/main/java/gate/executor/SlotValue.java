package gate.executor;

import gate.wasm.ValType;

/** The engine SPI's slot encoding of values the native code leaves in 8-byte words. */
final class SlotValue {
    private SlotValue() {}

    /** {@code raw} as a slot value of {@code type}: i32 and f32 live in the low half, the rest is garbage. */
    static long of(ValType type, long raw) {
        return type == ValType.I32 || type == ValType.F32 ? raw & 0xffff_ffffL : raw;
    }
}
