/**
 * Code generation state shared by the codegen classes: the module's text, trap stubs, function
 * labels and maps ({@link gate.compiler.gen.ModuleState}), the per-function virtual operand stack
 * with lazily materialised operands ({@link gate.compiler.gen.Operand}: slot, local, constant,
 * register, flags), the register allocator ({@link gate.compiler.gen.Registers}), the control
 * stack, the rbp-based frame layout ({@link gate.compiler.gen.FrameLayout}) and the globals area
 * layout ({@link gate.compiler.gen.AreaLayout}).
 *
 * <p>Invariant that makes the stack map exact: at every control-flow edge, call site and
 * suspension point all operands are in their frame slots and all locals in theirs (register
 * homes are stored first), so a {@link gate.compiler.gen.Site} needs only operand types.
 */
package gate.compiler.gen;
