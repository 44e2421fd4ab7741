/**
 * x86-64 instruction encoding: the bottom layer of Gate's native compiler.
 *
 * <p>Each public enum is one Intel operand-encoding form ("Op/En" in the Intel SDM instruction
 * tables) and its constants are Intel mnemonics, so an instruction used with the wrong kind of
 * operands does not compile: {@code RegRm.ADD.regReg(code, Size.QWORD, Reg.RAX, Reg.RCX)} is
 * {@code add rax, rcx}, {@code RmImm8.SHL.regImm(code, Size.DWORD, Reg.R9, 3)} is
 * {@code shl r9d, 3}, and {@code RegMem.LEA} has no register-source method. Method names list the
 * operand kinds in Intel order (destination first): reg, mem, imm.
 *
 * <p>Files by concern: registers ({@link gate.compiler.x86.enc.Reg},
 * {@link gate.compiler.x86.enc.Xmm}), operand sizes and conditions, memory operands
 * ({@link gate.compiler.x86.enc.Memory}), REX ({@code Rex}), ModRM/SIB/displacement
 * ({@code ModRm}), immediates ({@code Imm}), the layout of one instruction ({@code Encoding}), the
 * forms, branch targets ({@link gate.compiler.x86.enc.Label}) and padding
 * ({@link gate.compiler.x86.enc.Nops}). Everything writes into a
 * {@link gate.compiler.x86.enc.CodeBuffer} passed in by the caller; nothing here holds state in
 * statics.
 *
 * <p>Operand errors (a size a form lacks, an immediate out of range, a rel8 branch out of reach)
 * are code generator bugs and throw {@link java.lang.IllegalArgumentException} or
 * {@link java.lang.IllegalStateException}; only running out of buffer space, which untrusted
 * input can cause, throws a {@link gate.wasm.ResourceLimitException}.
 */
package gate.compiler.x86.enc;
