package gate.engine;

/** What a host function may see of the instance that calls it. */
public interface Caller {
    /** The caller's memory 0, or null if it has none. */
    MemoryExtern memory();

    /** A caller without an instance, used when a host function is called directly. */
    Caller DETACHED = () -> null;
}
