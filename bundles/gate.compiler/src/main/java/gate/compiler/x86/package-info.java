/**
 * The x86-64 macro layer: the instruction sequences the code generator needs, built on
 * {@link gate.compiler.x86.enc} and bound to the native runtime's ABI (runtime.native DESIGN.md
 * §5-6). Offset 0 of the {@link gate.compiler.x86.enc.CodeBuffer} is the text base.
 *
 * <ul>
 *   <li>ABI: register roles ({@link gate.compiler.x86.Abi}), runtime slots
 *       ({@link gate.compiler.x86.RuntimeSlot}), trap stubs and trap calls
 *       ({@link gate.compiler.x86.TrapStubs}).
 *   <li>Checks: function-entry stack check ({@link gate.compiler.x86.StackCheck}), loop
 *       suspend check ({@link gate.compiler.x86.SuspendCheck}).
 *   <li>Memory: effective addresses relative to r14 ({@link gate.compiler.x86.LinearMemory}),
 *       loads and stores ({@link gate.compiler.x86.IntLoad}, {@link gate.compiler.x86.IntStore},
 *       {@link gate.compiler.x86.FloatAccess}).
 *   <li>Numeric operations whose x86 instruction differs from the Wasm operator: division
 *       ({@link gate.compiler.x86.IntDivision}), bit counts ({@link gate.compiler.x86.BitCount}),
 *       float-to-int and int-to-float conversions ({@link gate.compiler.x86.FloatToInt},
 *       {@link gate.compiler.x86.IntToFloat}), min/max ({@link gate.compiler.x86.FloatMinMax}),
 *       rounding ({@link gate.compiler.x86.FloatRounding}), sign operations
 *       ({@link gate.compiler.x86.FloatSign}) and comparisons
 *       ({@link gate.compiler.x86.FloatCompare}).
 * </ul>
 *
 * <p>Contract, as in wag's macro assembler: a helper clobbers only what its Javadoc names (rcx,
 * {@link gate.compiler.x86.Abi#SCRATCH}, at most, plus the flags, plus the registers x86 itself
 * dictates such as rdx for division) and never allocates registers: operands are passed in. i32
 * results are left zero-extended to 64 bits. Every helper is checked by executing it natively in
 * the tests, against a reference computed in Java from the spec's definition.
 */
package gate.compiler.x86;
