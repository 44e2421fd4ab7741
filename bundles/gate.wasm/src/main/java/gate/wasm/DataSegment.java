package gate.wasm;

/**
 * A data segment (core spec §2.5.8). The bytes are a range of {@link Module#bytes()}, not a copy,
 * so a large segment costs no extra memory.
 *
 * @param offset start of the segment's bytes in the module binary
 * @param length number of bytes
 */
public record DataSegment(int offset, int length, Mode mode) {
    public sealed interface Mode {}

    /** Available to {@code memory.init} until dropped. */
    public record Passive() implements Mode {}

    /** Copied into a memory at instantiation, then dropped. */
    public record Active(int memoryIndex, ConstExpr offset) implements Mode {}
}
