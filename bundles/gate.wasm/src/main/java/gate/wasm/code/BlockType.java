package gate.wasm.code;

import gate.wasm.ValType;

/**
 * Helpers for block types as {@link CodeReader#blockType()} returns them: a plain int, to keep
 * decoding allocation-free (core spec §5.4.1). The encoding is the s33 value of the binary: {@link
 * #EMPTY} ({@code 0x40}), a negative value for a single value type ({@code 0x7f} reads as -1), or a
 * type index {@code >= 0}.
 */
public final class BlockType {
    /** {@code 0x40} as an s33: the block takes and returns nothing. */
    public static final int EMPTY = -0x40;

    private BlockType() {}

    /** True for {@code 0x40}: no parameters, no results. */
    public static boolean isEmpty(int blockType) {
        return blockType == EMPTY;
    }

    /** True when the block type names a function type by index (multi-value). */
    public static boolean isTypeIndex(int blockType) {
        return blockType >= 0;
    }

    /** The single result type of a block type that is neither empty nor a type index. */
    public static ValType valueType(int blockType) {
        return ValType.ofCode(blockType & 0x7f);
    }

    /** The block type that has {@code type} as its single result. */
    public static int of(ValType type) {
        return type.code - 0x80;
    }
}
