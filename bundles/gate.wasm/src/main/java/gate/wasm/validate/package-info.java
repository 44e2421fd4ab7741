/**
 * The validator (core spec §3): {@link gate.wasm.validate.Validator} checks a decoded module,
 * including every function body, with the operand and control stack algorithm of the spec's
 * appendix.
 */
package gate.wasm.validate;
