package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import java.util.Locale;

/**
 * The integer stores of WebAssembly (core §4.4.7) as one x86 instruction each: the low
 * {@link #size} bytes of the value are written (any byte register works, REX is added as
 * needed).
 */
public enum IntStore {
    I32_STORE(Size.DWORD),
    I64_STORE(Size.QWORD),
    I32_STORE8(Size.BYTE),
    I32_STORE16(Size.WORD),
    I64_STORE8(Size.BYTE),
    I64_STORE16(Size.WORD),
    I64_STORE32(Size.DWORD);

    private final Size size;

    IntStore(Size size) {
        this.size = size;
    }

    /** Bytes written. */
    public Size size() {
        return size;
    }

    /** Emits {@code target <- value}; returns the offset of the instruction. */
    public int emit(CodeBuffer code, Memory target, Reg value) {
        int start = code.position();
        RmReg.MOV.memReg(code, size, target, value);
        return start;
    }

    /** True if {@link #emitConstant} can store {@code value} with an immediate. */
    public boolean fitsImmediate(long value) {
        return switch (size) {
            // Narrow stores keep only the low bytes, whatever the rest (core §4.4.7).
            case BYTE, WORD, DWORD -> true;
            case QWORD -> value == (int) value;
        };
    }

    /**
     * Emits a store of the constant {@code value}, truncated to the stored size; returns the
     * offset of the instruction. A QWORD constant must fit a sign-extended 32-bit immediate.
     */
    public int emitConstant(CodeBuffer code, Memory target, long value) {
        if (!fitsImmediate(value)) {
            throw new IllegalArgumentException(this + ": " + value + " needs a register");
        }
        int start = code.position();
        long truncated = switch (size) {
            case BYTE -> value & 0xff;
            case WORD -> value & 0xffff;
            case DWORD, QWORD -> (int) value;
        };
        RmImm32.MOV.memImm(code, size, target, (int) truncated);
        return start;
    }

    /** The WebAssembly text name, e.g. {@code i32.store8}. */
    public String wasmName() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
