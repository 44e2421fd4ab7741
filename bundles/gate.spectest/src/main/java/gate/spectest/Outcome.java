package gate.spectest;

/**
 * The result of one command.
 *
 * @param detail why it failed or was skipped; null for a pass
 */
record Outcome(Status status, String detail) {
    enum Status {
        PASSED,
        FAILED,
        SKIPPED,
        /** Succeeded but is not counted (register, like the reference interpreter). */
        UNCOUNTED
    }

    static final Outcome PASS = new Outcome(Status.PASSED, null);
    static final Outcome UNCOUNTED = new Outcome(Status.UNCOUNTED, null);

    static Outcome fail(String detail) {
        return new Outcome(Status.FAILED, detail);
    }

    static Outcome skip(String reason) {
        return new Outcome(Status.SKIPPED, reason);
    }
}
