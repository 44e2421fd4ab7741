package gate.compiler.x86;

import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.Size;
import gate.engine.TrapId;

/**
 * The loop back-edge check (runtime.native DESIGN.md §6): {@code test bl, 1; jnz -> trap
 * SUSPENDED}. Bit 0 of the stack-limit register is one of the suspend bits, so a loop that makes
 * no calls still notices a suspend request once per iteration. Clobbers the flags only.
 */
public final class SuspendCheck {
    private SuspendCheck() {}

    /** Emits the check; returns the trap site (the trap pc the runtime reports). */
    public static int emit(CodeBuffer code, TrapStubs stubs) {
        RmImm32.TEST.regImm(code, Size.BYTE, Abi.STACK_LIMIT, 1);
        return stubs.callIf(code, Condition.NE, TrapId.SUSPENDED);
    }
}
