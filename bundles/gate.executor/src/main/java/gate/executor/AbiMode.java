package gate.executor;

import gate.abi.InstancePipe;
import gate.abi.ProgramAbi;
import gate.engine.Imports;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * An instance whose program ABI runs inside its sandbox (notes/s8/abi-native.md): the C runtime
 * serves every import from the {@link AbiArea}'s configuration, and the JVM only moves the packet
 * streams ({@link AbiStreams}) and reads how a run ended ({@link AbiStop}).
 */
final class AbiMode implements AutoCloseable {
    /** {@code -Dgate.native.abi=host} serves the ABI from the JVM instead (A/B, escape hatch). */
    static final String PROPERTY = "gate.native.abi";

    private final AbiArea area;
    private final AbiStreams streams;
    private final InstancePipe pipe;

    private AbiMode(AbiArea area, AbiStreams streams, InstancePipe pipe) {
        this.area = area;
        this.streams = streams;
        this.pipe = pipe;
    }

    /**
     * The area for an instance of {@code module} linked with {@code imports}, or null for the host
     * path (§1): ABI mode iff the imports are a {@link ProgramAbi}, every import is a function it
     * resolves (signatures: the link check before), and the property does not say {@code host};
     * {@link #create} still says no when the pipe cannot notify.
     */
    static AbiArea plan(Module module, Imports imports) {
        if ("host".equals(System.getProperty(PROPERTY)) || !(imports instanceof ProgramAbi abi)) {
            return null;
        }
        int[] bindings = new int[module.imports().size()];
        int k = 0;
        for (Import imp : module.imports()) {
            int id = imp.desc() instanceof ImportDesc.Func ? abi.functionId(imp) : 0;
            if (id == 0) {
                return null;
            }
            bindings[k++] = id;
        }
        // The program's monotonic clock starts at 0 on the first start (StartRecord.monotonicNanos).
        return AbiArea.plan(bindings, abi.config(), 0);
    }

    /**
     * Writes {@code area} into the new instance's state and opens its streams; null when the pipe
     * cannot notify ({@link InstancePipe#listen}): the instance then takes the host path.
     */
    static AbiMode create(AbiArea area, ProgramAbi abi, StateFile state) throws IOException {
        AbiStreams streams = new AbiStreams(abi.pipe(), abi.config().maxSendSize());
        if (!streams.listening()) {
            streams.close();
            return null;
        }
        area.create(state);
        return new AbiMode(area, streams, abi.pipe());
    }

    /** The record of the next start, and the area ready for it. */
    StartRecord prepare(StartRecord record, StateFile state) throws IOException {
        area.beforeStart(state);
        return record.withAbiArea(state.layout());
    }

    /** Starts a run on the instance's own streams. */
    InstanceProcess launch(Executor executor, TextImage text, StartRecord record, StateFile state) throws IOException {
        streams.prime();
        return executor.launch(text, record, state, streams.processInput(), streams.processOutput());
    }

    /**
     * Moves the streams while the process runs and returns how it ended; a stream that does not
     * frame kills it (INTERNAL_ERROR).
     *
     * @param killed whether a kill was asked for (then the end need not wait for a slow session)
     */
    ExitStatus serve(InstanceProcess p, BooleanSupplier killed)
            throws IOException, InterruptedException, ExecutionException {
        String failure;
        try {
            failure = streams.pump(p.status(), killed);
        } catch (IOException | RuntimeException | InterruptedException e) {
            p.kill(); // nobody moves its streams any more
            throw e;
        }
        if (failure != null) {
            p.kill();
            p.status().get();
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("ABI mode: " + failure));
        }
        return p.status().get();
    }

    /** How the last run ended in the ABI. */
    AbiStop stop(StateFile state) throws IOException {
        return area.readStop(state);
    }

    /** proc_exit's value after a run that ended with exit code 2 or 3 (§6 EXIT). */
    int exitValue(StateFile state) throws IOException {
        AbiStop stop = stop(state);
        if (stop.reason() != AbiStop.EXIT) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("ABI mode: an exit status without proc_exit"));
        }
        return stop.exitValue();
    }

    /** Refills the random pool after a RANDOM stop. */
    void refill(StateFile state, AbiStop stop) throws IOException {
        area.refill(state, stop.randomUsed());
    }

    /**
     * The function that called the import the run stopped in (gate.compiler RUNTIME-NEEDS.md §4:
     * {@code [sp + 16]} is the return into the caller's CALL site), which is what the interpreter
     * names in a trap's trace; the import itself when that word is not a CALL site.
     */
    static List<String> caller(gate.compiler.CompiledProgram compiled, Module module, StateFile state, Vars vars)
            throws IOException {
        byte[] word = state.readStack(vars.spOffset() + 16, 8);
        long pc = java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong() - vars.textAddr();
        gate.compiler.gen.Site site = pc >= 0 && pc < Integer.MAX_VALUE ? compiled.siteAt((int) pc) : null;
        if (site == null || site.kind() != gate.compiler.gen.SiteKind.CALL || site.function() < 0) {
            return StackReader.innermostFunction(compiled, module, vars);
        }
        gate.wasm.Names names = module.names();
        return List.of((names == null ? gate.wasm.Names.EMPTY : names).function(site.function()));
    }

    /** The trap a stop reason ends with (§6), or null for none. */
    static TrapId trapOf(int reason) {
        return switch (reason) {
            case AbiStop.VIOLATION -> TrapId.ABI_VIOLATION;
            case AbiStop.DEFICIENCY -> TrapId.ABI_DEFICIENCY;
            case AbiStop.SUSPENDED -> TrapId.SUSPENDED;
            case AbiStop.RANDOM, AbiStop.INPUT -> TrapId.INTERNAL_ERROR;
            default -> null;
        };
    }

    /** The reason of a violation or deficiency on the debug output, as gate.abi words it. */
    void report(AbiStop stop) {
        String kind = stop.reason() == AbiStop.VIOLATION ? "violation" : "deficiency";
        byte[] line = ("gate: ABI " + kind + ": " + stop.message() + "\n").getBytes(StandardCharsets.UTF_8);
        pipe.debug(line, 0, line.length);
    }

    @Override
    public void close() {
        streams.close();
    }
}
