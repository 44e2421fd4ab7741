package gate.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running {@code gate-container} and its control session (runtime.native DESIGN.md §3). A
 * single reader thread takes every reply as soon as it arrives, so the container never blocks on a
 * full socket; requests are sent from any thread (one message each, atomic on SOCK_SEQPACKET).
 * When the container dies every running instance is reported {@link ContainerDiedException}.
 */
public final class Container implements AutoCloseable {
    /** Ids this side chooses; the container's hand-out ids start here (protocol.h). */
    private static final int MAX_ID = 32768;
    private static final long HELLO_TIMEOUT_SECONDS = 30;
    /**
     * How long a process whose end was taken from the process itself may take to be reaped
     * before it is killed (a no-op for one in exit_group; its teardown takes ~0.1 ms).
     */
    private static final int END_GRACE_MS = 100;
    /** How long the reader thread waits for a reply with no process watched (see watchEnd). */
    private static final int WATCH_IDLE_MS = 1000;

    private final ControlSocket socket;
    private final ContainerProcess process;
    private final Map<Integer, CompletableFuture<ExitStatus>> running = new ConcurrentHashMap<>();
    /** Idle processes handed out to this side: their ids and start sockets, oldest first. */
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final BitSet ids = new BitSet(MAX_ID);
    private final CompletableFuture<Reply> hello = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Processes whose end was taken early (see watchEnd), oldest first, until they are reaped. */
    private final ConcurrentLinkedQueue<Ending> ending = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private int nextId = 1;

    private Container(ControlSocket socket, ContainerProcess process) {
        this.socket = socket;
        this.process = process;
    }

    /**
     * Starts {@code binary} with {@code pool} pre-spawned idle instance processes and waits for its
     * HELLO.
     *
     * @param namespaces false to run with {@code --no-namespaces}
     * @throws ContainerDiedException if it exits first (exit code 3: no user namespaces)
     */
    public static Container start(Path binary, int pool, boolean namespaces) throws IOException {
        Fd[] pair = ControlSocket.pair();
        ContainerProcess process;
        try {
            process = ContainerProcess.spawn(binary, pair[1], pool, namespaces);
        } catch (IOException e) {
            pair[0].close();
            throw e;
        } finally {
            pair[1].close();
        }
        Container c = new Container(new ControlSocket(pair[0]), process);
        Thread reader = new Thread(c::readReplies, "gate-container-" + process.pid);
        reader.setDaemon(true);
        reader.start();
        try {
            c.hello.get(HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            c.socket.request(ControlSocket.OP_HANDOUT, 0, 1);
        } catch (ExecutionException e) {
            c.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            c.close();
            throw new IOException("gate-container sent no HELLO", e);
        }
        return c;
    }

    /** Whether the container runs in its own user, pid, mount and network namespaces. */
    public boolean namespaces() {
        return (hello.join().flags() & 1) != 0;
    }

    /** Host pid of the gate-container process (diagnostics, figures). */
    public int pid() {
        return process.pid;
    }

    /** False once the container has exited or the session ended. */
    public boolean isAlive() {
        return !exit.isDone() && !closed;
    }

    /**
     * Starts an instance: on an idle process handed out to this side if there is one (a CLAIM to
     * the container, then the record straight to the process, which the container no longer
     * relays: DESIGN.md §3), else with a START through the container. The process gets its own
     * copies of the four descriptors.
     *
     * @return a handle whose {@link Running#status()} completes when the process has been reaped
     * @throws StartRefusedException if the container refused the request
     */
    public Running start(StartRecord record, Fd input, Fd output, Fd text, Fd state)
            throws IOException {
        // The newest first: the process that ran last is the warmest in the caches (the container
        // takes its newest idle process too).
        for (Idle p = idle.pollLast(); p != null; p = idle.pollLast()) {
            CompletableFuture<ExitStatus> done = new CompletableFuture<>();
            running.put(p.id(), done);
            // The CLAIM first: once the record is sent, the woken process should find this thread
            // with nothing left to do but wait (it may be queued on this thread's CPU).
            socket.request(ControlSocket.OP_CLAIM, p.id(), record.cpuLimitSeconds());
            try {
                ControlSocket.startDirect(p.socket(), record, input.raw(), output.raw(), text.raw(), state.raw());
            } catch (IOException e) {
                running.remove(p.id(), done); // it died idle: its DONE is on the way or came
                continue;
            } finally {
                p.socket().close();
            }
            return new Running(this, p.id(), done);
        }
        int id = allocateId();
        CompletableFuture<ExitStatus> done = new CompletableFuture<>();
        running.put(id, done);
        try {
            socket.start(id, record, input.raw(), output.raw(), text.raw(), state.raw());
        } catch (IOException e) {
            finish(id);
            throw e;
        }
        return new Running(this, id, done);
    }

    /** Sets the number of pre-spawned idle instance processes (0..64). */
    public void pool(int size) throws IOException {
        if (size < 0 || size > 64) {
            throw new IllegalArgumentException("pool size must be 0..64");
        }
        socket.request(ControlSocket.OP_POOL, 0, size);
        while (idle.size() > size) { // handed-out processes are ours to end: closing the socket does
            Idle p = idle.pollLast();
            if (p != null) {
                p.socket().close();
            }
        }
    }

    /** How many idle processes this side holds now (handed out, not started). */
    int handedOut() {
        return idle.size();
    }

    /**
     * Makes sure that a process whose end this side took from the process itself (a closed
     * output and a stopped vars page, InstanceProcess#endedEarly) does end: the reader thread
     * kills it if it has not been reaped {@link #END_GRACE_MS} later. Only a broken sandbox goes
     * on after reporting its end; the runs that start meanwhile need not wait for its reap, and no
     * request is sent for the processes that end as they should. The reader thread looks whenever
     * a reply comes, and at least every {@link #WATCH_IDLE_MS} (every {@link #END_GRACE_MS} while
     * it watches a process), so an overdue process is killed within about a second.
     */
    void watchEnd(Running r) {
        ending.add(new Ending(r, System.nanoTime() + END_GRACE_MS * 1_000_000L));
    }

    /** A process being watched (watchEnd) and when its grace ends ({@link System#nanoTime()}). */
    private record Ending(Running running, long deadline) {}

    /**
     * Drops the reaped processes from the front of {@link #ending} and has the overdue ones killed
     * (by another thread: a request sent from the reader thread could block while nobody reads).
     */
    private void checkEnding() {
        for (Ending e = ending.peek(); e != null; e = ending.peek()) {
            boolean reaped = e.running().status().isDone();
            if (!reaped && System.nanoTime() - e.deadline() < 0) {
                return; // the later ones are younger
            }
            ending.poll();
            if (!reaped) {
                Running overdue = e.running();
                CompletableFuture.runAsync(() -> {
                    try {
                        overdue.kill();
                    } catch (IOException gone) {
                        // the container is gone, and the process with it
                    }
                });
            }
        }
    }

    /** An idle process the container handed out: its id and the start socket. */
    private record Idle(int id, Fd socket) {}

    void kill(int id) throws IOException {
        socket.request(ControlSocket.OP_KILL, id, 0);
    }

    void suspend(int id) throws IOException {
        socket.request(ControlSocket.OP_SUSPEND, id, 0);
    }

    /** The container's exit code once it has exited. */
    public CompletableFuture<Integer> exitCode() {
        return exit;
    }

    private synchronized int allocateId() throws IOException {
        if (!isAlive()) {
            throw new ContainerDiedException("gate-container is not running");
        }
        int id = ids.nextClearBit(nextId);
        if (id >= MAX_ID) {
            id = ids.nextClearBit(1);
        }
        if (id >= MAX_ID) {
            throw new IOException("too many running instances (" + (MAX_ID - 1) + ")");
        }
        ids.set(id);
        nextId = id + 1;
        return id;
    }

    private void closeIdle() {
        for (Idle p = idle.pollFirst(); p != null; p = idle.pollFirst()) {
            p.socket().close();
        }
    }

    private synchronized CompletableFuture<ExitStatus> finish(int id) {
        ids.clear(id);
        return running.remove(id);
    }

    private void readReplies() {
        Throwable failure = null;
        try {
            ControlSocket.Message m;
            for (;;) {
                checkEnding();
                // Bounded waits: a process watched while this thread waited is seen within a second.
                if (!socket.awaitReply(ending.isEmpty() ? WATCH_IDLE_MS : END_GRACE_MS)) {
                    continue;
                }
                if ((m = socket.receive()) == null) {
                    break;
                }
                Reply r = m.reply();
                if (m.fd() != null && (r.kind() != Reply.IDLE || closed)) {
                    m.fd().close();
                }
                switch (r.kind()) {
                    case Reply.HELLO -> hello.complete(r);
                    case Reply.DONE -> complete(r.id(), r.exitStatus(), null);
                    case Reply.ERROR -> complete(r.id(), null, new StartRefusedException(r.code()));
                    case Reply.IDLE -> {
                        if (m.fd() != null && !closed) {
                            idle.addLast(new Idle(r.id(), m.fd()));
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            failure = e;
        }
        int code = process.waitFor();
        exit.complete(code);
        String why = code == ContainerProcess.EXIT_NO_NAMESPACES
                ? "gate-container exited: user namespaces are not available (exit 3)"
                : "gate-container exited with code " + code;
        ContainerDiedException died = new ContainerDiedException(why, code);
        if (failure != null) {
            died.addSuppressed(failure);
        }
        hello.completeExceptionally(died);
        synchronized (this) {
            closed = true;
            for (var e : running.entrySet()) {
                e.getValue().completeExceptionally(died);
            }
            running.clear();
            ids.clear();
        }
        closeIdle();
        socket.close();
    }

    private void complete(int id, ExitStatus status, Throwable error) {
        CompletableFuture<ExitStatus> f = finish(id);
        if (f == null) {
            // A handed-out process this side never started has ended (or was never ours).
            idle.removeIf(p -> {
                if (p.id() != id) {
                    return false;
                }
                p.socket().close();
                return true;
            });
            return;
        }
        if (error != null) {
            f.completeExceptionally(error);
        } else {
            f.complete(status);
        }
    }

    /**
     * Ends the session: the container kills every instance and exits. Waits up to 10 s for that,
     * then kills it.
     */
    @Override
    public void close() {
        closed = true;
        closeIdle();
        socket.shutdown();
        try {
            exit.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.kill();
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
        }
    }
}
