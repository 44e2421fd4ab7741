package gate.runtime;

import gate.abi.InstancePipe;
import gate.abi.ProgramAbi;
import gate.broker.ServiceDirectory;
import gate.broker.Session;
import gate.broker.SessionOptions;
import gate.engine.FunctionExtern;
import gate.engine.Instance;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.wasm.GateException;
import gate.wasm.Module;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One program instance from loading to its end, on its own thread ("gate-instance-N"): load and
 * validate the module and compile it (unless {@link LoadedPrograms} has it already), start a broker
 * session, link the ABI over the session's pipe, instantiate, invoke the entry function, then close
 * or suspend the session.
 *
 * <p>Thread contract: {@link #kill()}, {@link #suspend()} and {@link #status()} may be called from
 * any thread; the rest runs on the instance thread. {@code lock} guards the instance reference and
 * the pending stop request so that a request made during instantiation is not lost.
 */
public final class RunningInstance {
    private static final System.Logger LOG = System.getLogger("gate.runtime");
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final long FLUSH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Launch launch;
    private final LoadedPrograms programs;
    private final ServiceDirectory directory;
    private final Executor serviceExecutor;
    private final CompletableFuture<RunStatus> status = new CompletableFuture<>();
    private final Object lock = new Object();
    private final String name = "gate-instance-" + NUMBERS.incrementAndGet();
    private Instance instance;
    private Session session;
    private TrapId requested;
    private volatile String violation;

    RunningInstance(Launch launch, LoadedPrograms programs, ServiceDirectory directory, Executor serviceExecutor) {
        this.launch = launch;
        this.programs = programs;
        this.directory = directory;
        this.serviceExecutor = serviceExecutor;
    }

    /** Runs the instance on a thread of {@code threads}, named after the instance meanwhile. */
    void start(Executor threads) {
        threads.execute(() -> {
            Thread self = Thread.currentThread();
            String idle = self.getName();
            self.setName(name);
            try {
                run();
            } finally {
                self.setName(idle);
            }
        });
    }

    /** Completes when the instance has ended and its services are shut down or suspended. */
    public CompletableFuture<RunStatus> status() {
        return status;
    }

    /** Ends the instance at its next suspension point, even while it waits for input. */
    public void kill() {
        request(TrapId.KILLED);
    }

    /**
     * Stops the instance at its next suspension point and suspends its services ({@link
     * gate.api.ServiceInstance#suspend()}); the status becomes {@link RunStatus.Suspended}.
     */
    public void suspend() {
        request(TrapId.SUSPENDED);
    }

    private void request(TrapId reason) {
        InstancePipe pipe;
        synchronized (lock) {
            if (requested == null || reason == TrapId.KILLED) {
                requested = reason;
            }
            if (instance != null) {
                instance.interrupt(requested);
            }
            pipe = session == null ? null : session.pipe();
        }
        if (pipe != null) {
            pipe.wakeUp(); // gate.abi README §5: interrupt first, then wake a blocked call
        }
    }

    private void run() {
        RunStatus result;
        try {
            result = execute();
        } catch (InterruptedException e) {
            result = new RunStatus.Trapped(TrapId.KILLED, "interrupted");
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.log(Level.ERROR, name + " failed", e);
            result = new RunStatus.Trapped(TrapId.INTERNAL_ERROR, TrapId.INTERNAL_ERROR.text);
        }
        status.complete(result);
    }

    private RunStatus execute() throws InterruptedException {
        Program program;
        try {
            program = programs.load(launch.engine(), launch.wasm());
        } catch (GateException e) {
            return new RunStatus.Rejected(e.publicMessage());
        }
        var options = SessionOptions.defaults()
                .withOwnServices(launch.ownServices())
                .withStdio(launch.stdio())
                .withDebug(launch.debug())
                .withOnViolation(this::violated);
        Session started = Session.start(directory, serviceExecutor, options);
        synchronized (lock) {
            session = started;
        }
        try {
            return runIn(started, program.module(), program);
        } finally {
            started.close(); // idempotent: ends the session also when the engine failed unexpectedly
        }
    }

    private RunStatus runIn(Session started, Module module, Program program) throws InterruptedException {
        ProgramAbi abi = ProgramAbi.create(module, started.pipe(), launch.abi());
        Instance created;
        try {
            created = program.instantiate(abi, launch.limits());
        } catch (UninstantiableException e) {
            if (e.getCause() instanceof TrapException trap) {
                return end(started, abi, trap);
            }
            return new RunStatus.Rejected(e.publicMessage());
        } catch (GateException e) {
            return new RunStatus.Rejected(e.publicMessage());
        }
        try (created) {
            if (!(created.export(launch.function()) instanceof FunctionExtern)) {
                return new RunStatus.Rejected("the module exports no function named " + launch.function());
            }
            synchronized (lock) {
                instance = created;
                if (requested != null) {
                    created.interrupt(requested);
                }
            }
            try {
                long[] results = created.invoke(launch.function());
                return finish(started, abi, new RunStatus.Returned(Arrays.stream(results).boxed().toList()));
            } catch (TrapException e) {
                return end(started, abi, e);
            }
        }
    }

    /** Maps a trap to a status (reference §7.6) and ends or suspends the session. */
    private RunStatus end(Session started, ProgramAbi abi, TrapException e) throws InterruptedException {
        String violated = violation;
        if (violated != null) {
            started.close();
            return new RunStatus.Trapped(TrapId.ABI_VIOLATION, TrapId.ABI_VIOLATION.text + ": " + violated);
        }
        TrapId asked;
        synchronized (lock) {
            asked = requested;
        }
        return switch (e.trap()) {
            case EXIT -> finish(started, abi, new RunStatus.Exited(e.exitCode()));
            case SUSPENDED, KILLED -> {
                if (asked == TrapId.KILLED || e.trap() == TrapId.KILLED) {
                    started.close();
                    yield new RunStatus.Trapped(TrapId.KILLED, TrapId.KILLED.text);
                }
                yield new RunStatus.Suspended(started.suspend());
            }
            default -> {
                started.close();
                List<String> trace = e.wasmStackTrace();
                yield new RunStatus.Trapped(e.trap(), e.getMessage() + (trace.isEmpty() ? "" : " in " + trace.get(0)));
            }
        };
    }

    /** A normal end: everything the program wrote reaches the session before it closes. */
    private RunStatus finish(Session started, ProgramAbi abi, RunStatus result) throws InterruptedException {
        while (!abi.flush() && violation == null) {
            started.pipe().await(InstancePipe.WRITABLE, FLUSH_WAIT_NANOS);
        }
        started.close();
        return result;
    }

    private void violated(String reason) {
        violation = reason;
        request(TrapId.KILLED);
    }
}
