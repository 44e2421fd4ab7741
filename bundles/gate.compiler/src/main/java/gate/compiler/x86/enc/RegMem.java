package gate.compiler.x86.enc;

/**
 * Intel operand encoding "RM" where the source must be memory: LEA computes the address of its
 * memory operand without accessing it (and without touching the flags).
 */
public enum RegMem {
    LEA(0x8D);

    private final int opcode;

    RegMem(int opcode) {
        this.opcode = opcode;
    }

    /** {@code reg <- address of memory}, truncated to {@code size} (DWORD or QWORD). */
    public void regMem(CodeBuffer code, Size size, Reg reg, Memory memory) {
        Encoding.checkSize(this, size, Encoding.DWORD_UP);
        Encoding.memory(code, Encoding.NO_PREFIX, Encoding.rexW(size), false, opcode, reg.code(),
                memory, 0);
    }
}
