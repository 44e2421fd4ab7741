package gate.executor;

import gate.abi.InstancePipe;
import gate.compiler.CompiledProgram;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
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

    /**
     * The function that called the import the run stopped in (gate.compiler RUNTIME-NEEDS.md §4:
     * {@code [sp + 16]} is the return into the caller's CALL site), which is what the interpreter
     * names in a trap's trace; the import itself when that word is not a CALL site.
     */
    static List<String> caller(CompiledProgram compiled, Module module, StateFile state, Vars vars)
            throws IOException {
        byte[] word = state.readStack(vars.spOffset() + 16, 8);
        long pc = java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong() - vars.textAddr();
        Site site = pc >= 0 && pc < Integer.MAX_VALUE ? compiled.siteAt((int) pc) : null;
        if (site == null || site.kind() != SiteKind.CALL || site.function() < 0) {
            return StackReader.innermostFunction(compiled, module, vars);
        }
        gate.wasm.Names names = module.names();
        return List.of((names == null ? gate.wasm.Names.EMPTY : names).function(site.function()));
    }

    /** What the instance does after a run that ended with a trap ({@link #stopped}). */
    record Outcome(Kind kind, TrapException trap) {
        enum Kind {
            /** The run did not end in the ABI: the usual trap handling follows. */
            NOT_IN_ABI,
            /** The random pool is refilled and the call prepared to run again: resume at once. */
            RETRY,
            /** Resumable at the import ({@link #trap} to throw; resume retries the call). */
            SUSPENDED,
            /** Throw {@link #trap}. */
            FINAL
        }
    }

    /**
     * How a run that ended with {@code trap} ended in the ABI (notes/s8/abi-native.md §6), from the
     * area's stop reason. A reason that does not match the trap, or a resumable stop that is not at
     * an import, is the sandbox misbehaving: INTERNAL_ERROR.
     *
     * @param killRequested a kill was asked for: a suspension answers it with KILLED
     */
    Outcome stopped(TrapId trap, Vars vars, CompiledProgram compiled, Module module, StateFile state,
            boolean killRequested) throws IOException {
        AbiStop stop = stop(state);
        Site site = vars.valid() && vars.state() == Vars.STOPPED ? compiled.siteAt((int) vars.trapPc()) : null;
        boolean atImport = site != null && site.kind() == SiteKind.IMPORT && site.function() >= 0;
        if (stop.reason() == AbiStop.NONE) {
            // at an import: the runtime could not use its configuration or state (the message says which)
            return atImport ? fail(stop.message().isEmpty() ? "a stop at an import without a reason" : stop.message())
                    : new Outcome(Outcome.Kind.NOT_IN_ABI, null);
        }
        if (trapOf(stop.reason()) != trap || (stop.reason() != AbiStop.VIOLATION && !atImport)) {
            return fail("stop reason " + stop.reason() + " does not match trap " + trap.id);
        }
        switch (stop.reason()) {
            case AbiStop.RANDOM -> {
                area.refill(state, stop.randomUsed());
                retryImport(state, compiled, vars, site.function());
                return new Outcome(Outcome.Kind.RETRY, null);
            }
            case AbiStop.INPUT -> {
                return fail("the session's stream does not frame: " + stop.message());
            }
            case AbiStop.VIOLATION -> {
                report(stop);
                return new Outcome(Outcome.Kind.FINAL, new TrapException(trap, 0, atImport
                        ? caller(compiled, module, state, vars) : StackReader.innermostFunction(compiled, module, vars)));
            }
            default -> { // SUSPENDED, DEFICIENCY: resumable, the call is retried (gate.abi README §5)
                if (stop.reason() == AbiStop.DEFICIENCY) {
                    report(stop);
                } else if (killRequested) {
                    return new Outcome(Outcome.Kind.FINAL, new TrapException(TrapId.KILLED));
                }
                return new Outcome(Outcome.Kind.SUSPENDED, new TrapException(trap, 0, caller(compiled, module, state, vars)));
            }
        }
    }

    private static Outcome fail(String why) {
        return new Outcome(Outcome.Kind.FINAL, new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("ABI mode: " + why)));
    }

    /**
     * Makes the next resume enter import {@code function}'s stub again (gate.compiler
     * RUNTIME-NEEDS.md §3-4): at the stop ({@code last}), {@code [sp]} is the return into the stub
     * and {@code [sp + 8]} the caller's rbp; the resume routine ({@code pop rbp; ret}) then pops
     * the caller's rbp from {@code [sp]} and returns to the stub's first instruction at {@code
     * [sp + 8]}, with the return into the caller at {@code [sp + 16]} as on the first call.
     */
    void retryImport(StateFile state, CompiledProgram compiled, Vars last, int function) throws IOException {
        long sp = last.spOffset();
        long callerRbp = state.readWord(StateLayout.STACK_OFFSET + sp + 8);
        state.writeWord(StateLayout.STACK_OFFSET + sp, callerRbp);
        state.writeWord(StateLayout.STACK_OFFSET + sp + 8, last.textAddr() + stubStart(compiled, function));
        state.writeWord(16, sp); // vars.sp_offset
    }

    private static int stubStart(CompiledProgram compiled, int function) {
        for (FunctionInfo info : compiled.functions()) {
            if (info.index() == function) {
                return info.textStart();
            }
        }
        throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("no import stub for function " + function));
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
