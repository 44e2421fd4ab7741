package gate.abi;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.function.BooleanSupplier;

/**
 * How a host function waits (README §5). It keeps reading input and flushing output while it
 * waits in {@link InstancePipe#await}. When {@code await} returns no event before the deadline,
 * the host has called {@link InstancePipe#wakeUp()} to suspend or kill the instance: the function
 * throws {@link TrapId#SUSPENDED} before any effect the program could see, so the engine stops at
 * the import call and retries it on resume.
 */
final class Blocking {
    /** No deadline. */
    static final long FOREVER = Long.MAX_VALUE;

    private final InstancePipe pipe;
    private final PacketInput input;
    private final PacketOutput output;

    Blocking(InstancePipe pipe, PacketInput input, PacketOutput output) {
        this.pipe = pipe;
        this.input = input;
        this.output = output;
    }

    /** Reads what is available and writes what the pipe takes, without waiting. */
    void exchange() {
        output.flush();
        input.readAvailable();
    }

    /**
     * Waits until {@code ready} holds (true) or {@link System#nanoTime()} reaches {@code
     * deadline} (false). Only input (and, while output is queued, the pipe taking it) can make a
     * condition hold, so those are the only events waited for: waiting for an always writable
     * pipe would spin.
     *
     * @throws TrapException {@link TrapId#SUSPENDED} when woken up
     */
    boolean waitUntil(BooleanSupplier ready, long deadline) {
        while (true) {
            exchange();
            if (ready.getAsBoolean()) {
                return true;
            }
            long now = System.nanoTime();
            if (deadline != FOREVER && now - deadline >= 0) {
                return false;
            }
            // An ended stream is always readable, and input the ABI does not take stays readable:
            // waiting for either would spin.
            int wanted = input.accepting() ? InstancePipe.READABLE : 0;
            if (!output.isFlushed()) {
                wanted |= InstancePipe.WRITABLE;
            }
            int got;
            try {
                got = pipe.await(wanted, deadline == FOREVER ? -1 : deadline - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrapException(TrapId.SUSPENDED);
            }
            if (got == 0 && (deadline == FOREVER || System.nanoTime() - deadline < 0)) {
                throw new TrapException(TrapId.SUSPENDED);
            }
        }
    }

    /** Waits until every queued packet is written (before the program exits). */
    void drainOutput() {
        waitUntil(output::isFlushed, FOREVER);
    }
}
