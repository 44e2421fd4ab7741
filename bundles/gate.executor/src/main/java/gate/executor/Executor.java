package gate.executor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The platform's one container, started on first use and started again on the next use after it
 * died (its instances at that time are reported {@link ContainerDiedException}). Thread-safe.
 */
public final class Executor implements AutoCloseable {
    private final ExecutorConfig config;
    private Container container;
    private Path binary;
    private boolean closed;

    public Executor(ExecutorConfig config) {
        this.config = config;
    }

    /** The running container, starting one if there is none or the last one died. */
    public synchronized Container container() throws IOException {
        if (closed) {
            throw new IllegalStateException("executor closed");
        }
        if (container == null || !container.isAlive()) {
            if (binary == null) {
                binary = BinaryInstaller.install(config.binaryDirectory());
            }
            container = startContainer();
        }
        return container;
    }

    private Container startContainer() throws IOException {
        try {
            return Container.start(binary, config.poolSize(), true);
        } catch (ContainerDiedException e) {
            if (e.exitCode != ContainerProcess.EXIT_NO_NAMESPACES || !config.allowWithoutNamespaces()) {
                throw e;
            }
            return Container.start(binary, config.poolSize(), false);
        }
    }

    /**
     * Starts an instance process of {@code text} with {@code state} and new input and output pipes.
     */
    public InstanceProcess launch(TextImage text, StartRecord record, StateFile state) throws IOException {
        Fd[] in = Fd.pipe();
        Fd[] out = Fd.pipe();
        try {
            Running running = container().start(record, in[0], out[1], text.fd(), state.fd());
            return new InstanceProcess(running, in[1], out[0], state);
        } catch (IOException | RuntimeException e) {
            in[1].close();
            out[0].close();
            throw e;
        } finally {
            in[0].close();
            out[1].close();
        }
    }

    /**
     * Starts an instance process whose fds 0 and 1 are the caller's pipe ends, which stay the
     * caller's: an instance in ABI mode keeps its streams across runs ({@link AbiStreams}). The
     * handle's {@link InstanceProcess#input()} and {@link InstanceProcess#output()} are null.
     */
    public InstanceProcess launch(TextImage text, StartRecord record, StateFile state, Fd input, Fd output)
            throws IOException {
        return new InstanceProcess(container().start(record, input, output, text.fd(), state.fd()), null, null, state);
    }

    /** Stops the container (killing every instance). */
    @Override
    public synchronized void close() {
        closed = true;
        if (container != null) {
            container.close();
            container = null;
        }
    }
}
