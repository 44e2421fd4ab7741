package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.Size;
import java.util.Locale;

/**
 * The integer loads of WebAssembly (core §4.4.7) as one x86 instruction each. Every result is
 * complete in the 64-bit register: i32 results and unsigned extensions are zero-extended (32-bit
 * writes clear the upper half), signed ones sign-extended to the value's type.
 */
public enum IntLoad {
    I32_LOAD(null, Size.DWORD),
    I64_LOAD(null, Size.QWORD),
    I32_LOAD8_S(RegRmExtend.MOVSX8, Size.DWORD),
    I32_LOAD8_U(RegRmExtend.MOVZX8, Size.DWORD),
    I32_LOAD16_S(RegRmExtend.MOVSX16, Size.DWORD),
    I32_LOAD16_U(RegRmExtend.MOVZX16, Size.DWORD),
    I64_LOAD8_S(RegRmExtend.MOVSX8, Size.QWORD),
    /** A 32-bit destination suffices: the write clears bits 63:32. */
    I64_LOAD8_U(RegRmExtend.MOVZX8, Size.DWORD),
    I64_LOAD16_S(RegRmExtend.MOVSX16, Size.QWORD),
    I64_LOAD16_U(RegRmExtend.MOVZX16, Size.DWORD),
    I64_LOAD32_S(RegRmExtend.MOVSXD, Size.QWORD),
    I64_LOAD32_U(null, Size.DWORD);

    private final RegRmExtend extension;
    private final Size size;

    IntLoad(RegRmExtend extension, Size size) {
        this.extension = extension;
        this.size = size;
    }

    /**
     * Emits {@code target <- load(source)}; returns the offset of the instruction, the pc a fault
     * reports.
     */
    public int emit(CodeBuffer code, Reg target, Memory source) {
        int start = code.position();
        if (extension == null) {
            RegRm.MOV.regMem(code, size, target, source);
        } else {
            extension.regMem(code, size, target, source);
        }
        return start;
    }

    /** The WebAssembly text name, e.g. {@code i64.load8_u}. */
    public String wasmName() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
