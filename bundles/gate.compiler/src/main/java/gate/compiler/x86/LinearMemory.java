package gate.compiler.x86;

import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;

/**
 * Effective addresses of WebAssembly memory accesses: {@code [r14 + address + offset]} with the
 * memory base in r14. There is no explicit bounds check: the runtime reserves
 * {@code GATE_MEMORY_RESERVE} = 4 GiB + 2 GiB + 64 KiB of address space from the base and maps
 * only the current memory size, so any u32 address plus a constant offset below 2^31 plus an
 * access of at most 16 bytes lands in the reservation, and an access past the memory's end faults
 * and becomes trap 5 (runtime.native DESIGN.md §6; Wasm core §4.4.7 bounds rule).
 *
 * <p>Offsets above {@link #MAX_DISPLACEMENT} are beyond that guarantee: the code generator must
 * then emit an explicit bounds check, or a trap where the memory's maximum size makes the access
 * always out of bounds.
 */
public final class LinearMemory {
    /** Largest constant offset that may be folded into the displacement. */
    public static final long MAX_DISPLACEMENT = Integer.MAX_VALUE;

    private static final long U32_MAX = 0xffffffffL;

    private LinearMemory() {}

    /** True if the {@code memarg} offset can be folded into an address operand. */
    public static boolean fitsDisplacement(long offset) {
        return offset >= 0 && offset <= MAX_DISPLACEMENT;
    }

    /**
     * {@code [r14 + index + offset]} for a dynamic address. {@code index} must hold the i32 address
     * zero-extended to 64 bits (every 32-bit register write guarantees that).
     */
    public static Memory dynamic(Reg index, long offset) {
        if (!fitsDisplacement(offset)) {
            throw new IllegalArgumentException(
                    "offset " + offset + " needs an explicit bounds check");
        }
        if (index == Abi.MEMORY_BASE) {
            throw new IllegalArgumentException("the memory base cannot hold an address");
        }
        return Memory.at(Abi.MEMORY_BASE, index, 1, (int) offset);
    }

    /**
     * {@code [r14 + address + offset]} for a constant address, or null when the sum exceeds
     * {@link #MAX_DISPLACEMENT} (the caller then loads the address into a register and uses
     * {@link #dynamic}).
     */
    public static Memory constant(long address, long offset) {
        if (address < 0 || address > U32_MAX || offset < 0 || offset > U32_MAX) {
            throw new IllegalArgumentException(
                    "address " + address + " and offset " + offset + " must be u32 values");
        }
        long sum = address + offset;
        return sum <= MAX_DISPLACEMENT ? Memory.at(Abi.MEMORY_BASE, (int) sum) : null;
    }

    /**
     * The 8-byte slot of global {@code index} of {@code count}: globals lie below the memory
     * base, global i at {@code r14 - 8·(count - i)} (runtime.native DESIGN.md §5).
     */
    public static Memory global(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("global " + index + " of " + count);
        }
        return Memory.at(Abi.MEMORY_BASE, -8 * (count - index));
    }
}
