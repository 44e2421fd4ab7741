package gate.abi;

/**
 * How many service codes the program may use (architecture reference §6.2): the largest {@code
 * total} of the discovery replies and notifications the session sent (code -1, domain call or
 * info, content {@code u16 total} then one state byte per service). Codes are assigned in
 * discovery order and the count only grows; the session never assigns more than {@value #MAX}.
 */
final class Discovery {
    /** Most services one program can discover. */
    static final int MAX = 256;

    private int discovered;

    /** Takes note of a discovery reply or notification that claims {@code total} services. */
    void observe(int total) {
        discovered = Math.max(discovered, Math.min(total, MAX));
    }

    int discovered() {
        return discovered;
    }
}
