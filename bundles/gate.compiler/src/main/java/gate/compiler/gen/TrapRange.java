package gate.compiler.gen;

/**
 * The machine code of one WebAssembly instruction that can trap: a trap call's return address in
 * {@code (textStart, textEnd]} or a faulting memory access in {@code [textStart, textEnd)} belongs
 * to the instruction at {@code codeOffset} of {@code function}.
 */
public record TrapRange(int textStart, int textEnd, int function, int codeOffset) {}
