package gate.executor;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import gate.abi.InstancePipe;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The packet streams of an instance in ABI mode (notes/s8/abi-native.md §7): its fd 1 to {@link
 * InstancePipe#write} (through {@link AbiOutput}), {@link InstancePipe#read} to its fd 0, and end
 * of stream as the end of fd 0. The pipes live as long as the instance, not one process: bytes in
 * flight when a run stops (suspension, a random-pool refill) are there for the next run.
 *
 * <p>The thread running the instance moves the bytes while the process runs ({@link #pump}): it
 * sleeps in one poll(2) over fd 1 (while there is room to take bytes), fd 0 (only while it holds
 * bytes for it) and an eventfd that the session's pipe signals through {@link InstancePipe#listen}
 * and the process's end signals too. No other thread, no CPU while nothing happens.
 */
final class AbiStreams implements AutoCloseable {
    static final int INPUT_CHUNK = 64 << 10;

    private final InstancePipe pipe;
    private final AbiOutput output;
    /** The process's ends (its fds 0 and 1), handed to every run. */
    private final Fd processInput;
    private final Fd processOutput;
    /** The JVM's ends, non-blocking. */
    private final Fd input;
    private final Fd output1;
    private final Fd wakeups;
    private final Memory one = new Memory(8);
    private final Memory drained = new Memory(8);
    /** Held while bytes wait in either direction or the pump works, else null (idle instances). */
    private StreamBuffers buffers;
    private int inputStart;
    private int inputEnd;
    private boolean inputEnded;
    private String failure;
    private boolean closed;
    /**
     * The pipe events a sleeping {@link #pump} waits for (InstancePipe READABLE, WRITABLE): others
     * do not wake it. All of them while it works, so that none that matters is lost between its
     * last look and its sleep.
     */
    private volatile int interest = InstancePipe.READABLE | InstancePipe.WRITABLE;
    private final boolean listening;

    AbiStreams(InstancePipe pipe, int maxSendSize) throws IOException {
        this.pipe = pipe;
        this.output = new AbiOutput(pipe, maxSendSize);
        Fd[] in = Fd.pipe();
        Fd[] out = Fd.pipe();
        processInput = in[0];
        input = in[1];
        output1 = out[0];
        processOutput = out[1];
        try {
            StreamCalls.nonBlocking(input);
            StreamCalls.nonBlocking(output1);
            wakeups = new Fd((int) NativeError.check("eventfd",
                    StreamCalls.eventfd(0, StreamCalls.EFD_NONBLOCK | StreamCalls.EFD_CLOEXEC)));
        } catch (IOException e) {
            closeAll();
            throw e;
        }
        one.setLong(0, 1);
        listening = pipe.listen(this::pipeChanged);
    }

    /** Whether the pipe notifies this object (else nothing here can wait for it). */
    boolean listening() {
        return listening;
    }

    /** The process's fd 0 (read end): pass it to the run. */
    Fd processInput() {
        return processInput;
    }

    /** The process's fd 1 (write end): pass it to the run. */
    Fd processOutput() {
        return processOutput;
    }

    /**
     * Moves bytes both ways until the process has ended (after {@code ended} completed, what it
     * wrote to fd 1 has been passed on) or the owner gives up ({@code abandon}, e.g. a kill).
     *
     * @return null, or why the instance must be killed (its fd 1 did not frame)
     */
    String pump(CompletableFuture<?> ended, BooleanSupplier abandon) throws IOException, InterruptedException {
        ended.whenComplete((status, error) -> signal());
        int[] fds = new int[6];
        while (failure == null) {
            // Wake-ups first, then the state they announce: a signal after this drain stays for
            // the poll below, and the end is observed before the last look at fd 1.
            interest = InstancePipe.READABLE | InstancePipe.WRITABLE;
            drainWakeups();
            boolean done = ended.isDone();
            hold();
            boolean outputEmpty = move();
            if (failure != null || (done && (outputEmpty && !output.blocked() || abandon.getAsBoolean()))) {
                break;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int n = 0;
            fds[n++] = wakeups.raw();
            fds[n++] = StreamCalls.POLLIN;
            if (!done && !output.blocked() && output.room() > 0) {
                fds[n++] = output1.raw();
                fds[n++] = StreamCalls.POLLIN;
            }
            if (inputEnd > inputStart) {
                fds[n++] = input.raw();
                fds[n++] = StreamCalls.POLLOUT;
            }
            releaseIfEmpty();
            interest = (output.blocked() ? InstancePipe.WRITABLE : 0)
                    | (inputStart == inputEnd && !inputEnded ? InstancePipe.READABLE : 0);
            if (StreamCalls.poll(fds, n / 2, -1) < 0 && Native.getLastError() != LibC.EINTR) {
                throw new NativeError("poll", Native.getLastError());
            }
        }
        releaseIfEmpty();
        return failure;
    }

    /**
     * Moves what the session holds for the program to fd 0 before a run starts (as far as the
     * kernel pipe takes it), so that input queued before a call is there when the call looks, as
     * the Java ABI reads everything available (gate.abi README §1).
     */
    void prime() throws IOException {
        hold();
        while (moveInput()) {
            // until the session has nothing more or fd 0 is full
        }
        releaseIfEmpty();
    }

    private void hold() {
        if (buffers == null) {
            buffers = StreamBuffers.take();
            output.attach(buffers.output);
        }
    }

    private void releaseIfEmpty() {
        if (buffers != null && output.isEmpty() && inputStart == inputEnd) {
            output.detach();
            StreamBuffers.give(buffers);
            buffers = null;
        }
    }

    /** The pipe's listener: wakes the pump for the events it waits for. */
    private void pipeChanged(int events) {
        if ((events & interest) != 0) {
            signal();
        }
    }

    /** Lets a waiting {@link #pump} look again (the process's end, a wanted pipe event). */
    synchronized void signal() {
        if (!closed) {
            StreamCalls.write(wakeups.raw(), one, 8);
        }
    }

    /**
     * Moves what can move without blocking, until nothing does.
     *
     * @return whether fd 1 was found empty
     */
    private boolean move() throws IOException {
        boolean outputEmpty = false;
        for (boolean moved = true; moved; ) {
            moved = false;
            outputEmpty = false;
            try {
                moved |= output.forward();
            } catch (AbiStreamException e) {
                failure = e.getMessage();
                return false;
            }
            int room = output.blocked() ? 0 : output.room();
            if (room > 0) {
                long n = StreamCalls.read(output1.raw(), buffers.outputNative, room);
                if (n > 0) {
                    buffers.outputNative.read(0, output.buffer(), output.end(), (int) n);
                    output.added((int) n);
                    moved = true;
                } else {
                    outputEmpty = n == 0 || again("read");
                }
            }
            moved |= moveInput();
        }
        return outputEmpty;
    }

    /** Session bytes to fd 0; its end of stream closes the JVM's write end (EOF for the program). */
    private boolean moveInput() throws IOException {
        if (inputStart == inputEnd && !inputEnded) {
            int n = pipe.read(buffers.input, 0, INPUT_CHUNK);
            if (n < 0) {
                inputEnded = true;
                input.close();
                return true;
            }
            if (n == 0) {
                return false;
            }
            buffers.inputNative.write(0, buffers.input, 0, n);
            inputStart = 0;
            inputEnd = n;
        }
        if (inputStart == inputEnd) {
            return false;
        }
        long n = StreamCalls.write(input.raw(), buffers.inputNative.share(inputStart), inputEnd - inputStart);
        if (n < 0) {
            again("write");
            return false;
        }
        inputStart += (int) n;
        return n > 0;
    }

    private void drainWakeups() {
        StreamCalls.read(wakeups.raw(), drained, 8);
    }

    /** True for EAGAIN (nothing now); throws for real errors. */
    private static boolean again(String call) throws NativeError {
        int errno = Native.getLastError();
        if (errno == LibC.EAGAIN || errno == LibC.EINTR) {
            return errno == LibC.EAGAIN;
        }
        throw new NativeError(call, errno);
    }

    /**
     * Closes the pipes and the eventfd. The pipe keeps the listener, which does nothing from now
     * on (clearing it could remove the listener of a newer instance on the same pipe).
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeAll();
    }

    private void closeAll() {
        for (Fd fd : new Fd[] {processInput, input, output1, processOutput, wakeups}) {
            if (fd != null) {
                fd.close();
            }
        }
    }
}
