package gate.wasm;

import java.util.List;

/** An element segment (core spec §2.5.7): references of one type, and how they are used. */
public record ElementSegment(ValType type, List<ConstExpr> init, Mode mode) {
    public ElementSegment {
        // ElementInits is immutable and compact: copying would expand it
        init = init instanceof ElementInits ? init : List.copyOf(init);
    }

    public sealed interface Mode {}

    /** Available to {@code table.init} until dropped. */
    public record Passive() implements Mode {}

    /** Copied into a table at instantiation, then dropped. */
    public record Active(int tableIndex, ConstExpr offset) implements Mode {}

    /** Only declares functions referenceable by {@code ref.func}; dropped at instantiation. */
    public record Declarative() implements Mode {}
}
