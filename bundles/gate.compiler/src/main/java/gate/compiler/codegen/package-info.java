/**
 * The single pass over a validated function body ({@link gate.compiler.codegen.FunctionCompiler}
 * and its flat opcode dispatch), with one class per WebAssembly concept: control and branches,
 * calls, locals and globals, memory accesses, integer and float operators, conversions, tables
 * and references, bulk memory. Every trap is explicit and carries the interpreter's trap id;
 * memory bounds come from the runtime's guard region.
 */
package gate.compiler.codegen;
