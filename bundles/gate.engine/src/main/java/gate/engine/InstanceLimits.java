package gate.engine;

/**
 * Per-instance limits.
 *
 * @param maxMemoryPages memory may not grow beyond this (the module's own maximum also applies)
 * @param stackSize bytes of call stack; an engine maps it to its frame layout, and exceeding it
 *     traps with {@link TrapId#CALL_STACK_EXHAUSTED}
 */
public record InstanceLimits(long maxMemoryPages, int stackSize) {
    /** 32 MiB of memory and 1 MiB of stack, Gate's defaults for anonymous programs. */
    public static final InstanceLimits DEFAULT = new InstanceLimits(512, 1 << 20);
}
