package gate.abi;

import gate.engine.TrapException;

/**
 * Process calls: {@code proc_exit} waits until the program's queued packets are written (so
 * nothing it sent is lost) and ends the execution with the status; {@code sched_yield} only
 * exchanges pending I/O; {@code proc_raise} is ENOSYS (there are no signals).
 */
final class WasiProc {
    private final AbiState s;

    WasiProc(AbiState s) {
        this.s = s;
    }

    void register(ImportTable t) {
        t.add("proc_exit", "i", "", (c, a) -> {
            s.blocking.drainOutput();
            throw TrapException.exit((int) a[0]);
        });
        t.add("sched_yield", "", "i", (c, a) -> {
            s.blocking.exchange();
            return ImportTable.i32(Errno.SUCCESS);
        });
        t.add("proc_raise", "i", "i", (c, a) -> ImportTable.i32(Errno.ENOSYS));
    }
}
