/**
 * The native compiler's API: {@link gate.compiler.Compiler} turns a validated module into a
 * {@link gate.compiler.CompiledProgram} (x86-64 text for the native runtime of runtime.native,
 * with its stack map, trap map and globals-area layout), {@link gate.compiler.ProgramCodec} gives
 * its stable cache form, {@link gate.compiler.NativeStack} reads a stopped native stack as
 * engine-neutral frames.
 *
 * <p>Layers, each using only those below it (LayeringTest): this package,
 * {@link gate.compiler.codegen} (one class per WebAssembly concept), {@link gate.compiler.gen}
 * (per-module and per-function state: operand stack, registers, frames, maps),
 * {@link gate.compiler.x86} (macro instructions bound to the runtime ABI) and
 * {@link gate.compiler.x86.enc} (the instruction encoder). What the runtime and the Java glue
 * must do for the compiled code is in the bundle's RUNTIME-NEEDS.md.
 */
package gate.compiler;
