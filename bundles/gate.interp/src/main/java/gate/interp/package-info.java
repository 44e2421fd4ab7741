/**
 * The portable interpreter engine ({@code interp}): WebAssembly 2.0 core without SIMD, on any JVM.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li>{@link gate.interp.Translator} turns each function body, at compile time, into an {@code
 *       int[]} of internal {@link gate.interp.Op}s with inline immediates: branch targets resolved,
 *       the stack moves of branches precomputed from static operand heights, unreachable code
 *       dropped, frequent sequences fused ({@link gate.interp.Fusion}).
 *   <li>One {@code long[]} value stack per instance holds locals and operands of all activations;
 *       {@link gate.interp.Interpreter}'s dispatch loop keeps the current activation in local
 *       variables and callers as int records on the heap, so wasm recursion never recurses in
 *       Java and ends with "call stack exhausted" at the limit of {@link
 *       gate.engine.InstanceLimits#stackSize()} (value slots and at least 32 bytes per frame).
 *   <li>Suspension points are function entries, loop heads and imported-function calls (with
 *       calls in lower frames), the same as the native compiler's, and {@link
 *       gate.interp.SuspensionPoints} maps them to WebAssembly code offsets with the operand types
 *       there, so {@link gate.interp.StateCapture} and {@link gate.interp.StateRestore} exchange
 *       engine-neutral states.
 *   <li>Function references on the value stack are instance-relative handles; tables and globals,
 *       which instances may share, hold {@link gate.interp.FunctionRef} objects.
 * </ul>
 *
 * <h2>Limits of this engine</h2>
 * Memories are {@code byte[]}s: at most 32767 pages. Tables hold at most ten million elements. A
 * state cannot be captured while a table or global refers to a function of another instance.
 * A run nested in a host call (a host function calling back into its instance) cannot be
 * suspended; a suspension request then waits for the outer run's next suspension point.
 */
package gate.interp;
