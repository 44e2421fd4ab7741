package gate.executor;

/**
 * How a run of an instance in ABI mode ended inside the ABI (notes/s8/abi-native.md §6), as the
 * runtime wrote it to the {@link AbiArea}.
 *
 * @param reason one of the constants; {@link #NONE} when the run did not end in the ABI
 * @param exitValue proc_exit's argument (reason {@link #EXIT})
 * @param message the runtime's reason text for VIOLATION, DEFICIENCY and INPUT (at most 512 bytes)
 * @param randomUsed random bytes handed out so far, all runs together
 */
record AbiStop(int reason, int exitValue, String message, long randomUsed) {
    static final int NONE = 0;
    /** proc_exit: queued packets were flushed; process exit code 2 (code 0) or 3. */
    static final int EXIT = 1;
    /** Trap 28: the program broke the ABI. Final. */
    static final int VIOLATION = 2;
    /** Trap 27 at the import site: resumable, resume retries the call. */
    static final int DEFICIENCY = 3;
    /** Trap 2 at the import site: a blocking wait saw the suspend flag. Resume retries. */
    static final int SUSPENDED = 4;
    /** Trap 29 at the import site: random_get needs the pool refilled; resume at once. */
    static final int RANDOM = 5;
    /** Trap 29, final: the session's stream did not frame. */
    static final int INPUT = 6;
}
