package gate.executor;

import java.io.ByteArrayOutputStream;

/**
 * The entry routine the native engine appends to a program's text to call any export: it reads
 * the export's invoke-thunk offset from the first slot of the invoke page (the lowest page of the
 * globals area, {@code globalsSize} bytes below the memory base) and calls the thunk with {@code
 * rdi} = the page's second slot, where the thunk finds the arguments and leaves the results
 * (gate.compiler RUNTIME-NEEDS.md §7), then ends the process with exit 0 through the exit slot.
 */
final class InvokeStub {
    /** Text offset of the runtime's exit slot (runtime.native abi.h: slot 1 of the area). */
    private static final int EXIT_SLOT = -0x4000 + 16;
    /** Offset of the return address of {@code call rax} within the stub. */
    static final int AFTER_CALL = 0x17;

    private InvokeStub() {}

    /** Machine code of the stub for a globals area of {@code globalsSize} bytes. */
    static byte[] code(int globalsSize, int stubOffset) {
        int page = -globalsSize;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        emit(b, 0x49, 0x8b, 0x86); // mov rax, [r14 + page]
        le32(b, page);
        emit(b, 0x49, 0x8d, 0xbe); // lea rdi, [r14 + page + 8]
        le32(b, page + 8);
        emit(b, 0x4c, 0x01, 0xf8); // add rax, r15 (text base)
        emit(b, 0x48, 0x83, 0xec, 0x08); // sub rsp, 8: calls are made with rsp 16-aligned
        emit(b, 0xff, 0xd0); // call rax
        // Exit through the runtime's exit slot instead of returning: a stack rebuilt for a
        // restored state has no return address into the runtime (StackBuilder).
        emit(b, 0x31, 0xff); // xor edi, edi (exit 0: returned ok)
        emit(b, 0xe8); // call rel32 to slot 1 (exit) at text - 0x4000 + 16
        le32(b, EXIT_SLOT - (stubOffset + b.size() + 4));
        return b.toByteArray();
    }

    private static void emit(ByteArrayOutputStream b, int... bytes) {
        for (int x : bytes) {
            b.write(x);
        }
    }

    private static void le32(ByteArrayOutputStream b, int v) {
        emit(b, v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
    }
}
