/**
 * The x86-64 macro layer: instruction sequences the code generator needs, built on
 * {@link gate.compiler.x86.enc} and bound to the native runtime's ABI (runtime.native DESIGN.md
 * §5-6): register roles ({@link gate.compiler.x86.Abi}), runtime slots, trap stubs, the
 * function-entry stack check, the loop suspend check, and WebAssembly memory accesses relative to
 * the memory base in r14.
 *
 * <p>Contract, as in wag's macro assembler: a helper clobbers only what its Javadoc names
 * (usually rcx and the flags) and never allocates registers; operands are passed in.
 */
package gate.compiler.x86;
