package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.GlobalExtern;
import gate.engine.Instance;
import gate.engine.MemoryExtern;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * An instance of the native engine. Its state lives in a state memfd between executions; every
 * {@link #invoke} runs in a new instance process from the container's pool (entered through the
 * {@link InvokeStub}), and a suspended execution continues in another one at the same addresses.
 */
final class NativeInstance implements Instance {
    private static final int SLOTS = StateLayout.PAGE / 8 - 1;

    private final NativeProgram program;
    private final CompiledProgram compiled;
    private final StateFile state;
    private final ForeignSlots foreignSlots;
    private int memoryPages;
    private Vars last;
    private boolean suspended;
    private FuncType suspendedType;
    private volatile InstanceProcess running;
    private volatile TrapId pendingInterrupt;
    /** The last interrupt asked for while a process ran, until a host call answers it. */
    private volatile TrapId requested;
    /** Set while a host function runs for this instance's process (re-entry guard). */
    private boolean inHostCall;
    /** An invocation suspended before its process started (interrupt while idle), or null. */
    private PendingCall notStarted;
    /** The program ABI inside the sandbox (notes/s8/abi-native.md), or null: imports served here. */
    private AbiMode abi;
    /** Set when a process's DONE contradicted the end it had reported: the sandbox misbehaved. */
    private volatile String contradiction;

    private record PendingCall(int function, long[] args, FuncType type, byte[] invokePage) {}

    private final List<GlobalExtern> importedGlobals;
    private final List<FunctionExtern> importedFunctions;
    private final MemoryExtern importedMemory;
    private final List<SharedTable> importedTables;
    /** Imported tables' copies and the placeholders of functions no slot can name. */
    private final TableCopies tables;

    NativeInstance(NativeProgram program, StateFile state, int memoryPages, NativeProgram.Linked linked) {
        this.importedGlobals = List.copyOf(linked.globals());
        this.importedFunctions = List.copyOf(linked.functions());
        this.importedMemory = linked.memory();
        this.importedTables = List.copyOf(linked.tables());
        this.program = program;
        this.compiled = program.compiled();
        this.state = state;
        this.memoryPages = memoryPages;
        this.foreignSlots = new ForeignSlots(program.module(), compiled, state);
        this.tables = new TableCopies(this, program, state, importedTables);
    }

    @Override
    public Program program() {
        return program;
    }

    /** Puts this new instance in ABI mode (see {@link AbiMode#plan}). */
    void abiMode(AbiMode mode) {
        this.abi = mode;
    }

    /** Whether the program ABI runs inside the sandbox. */
    boolean inAbiMode() {
        return abi != null;
    }

    int functionCount() {
        return program.module().functionCount();
    }

    /** Functions of other instances this instance's tables hold (see {@link NativeRefs}). */
    ForeignSlots foreignSlots() {
        return foreignSlots;
    }

    int memoryPages() {
        return memoryPages;
    }

    void memoryPages(int pages) {
        memoryPages = pages;
    }

    @Override
    public Extern export(String name) {
        InstanceExports views = new InstanceExports(program.module(), compiled, state, this);
        for (Export e : program.module().exports()) {
            if (!e.name().equals(name)) {
                continue;
            }
            switch (e.kind()) {
                case GLOBAL -> {
                    return e.index() < importedGlobals.size() ? importedGlobals.get(e.index()) : views.global(e.index());
                }
                case MEMORY -> {
                    return importedMemory != null ? importedMemory
                            : program.module().memories().isEmpty() ? null : views.memory();
                }
                case TABLE -> {
                    return e.index() < importedTables.size() ? importedTables.get(e.index()) : views.table(e.index());
                }
                default -> { }
            }
            if (e.kind() == ExternKind.FUNC) {
                return new ExportedFunction(this, e.index(), program.module().functionType(e.index()), name);
            }
        }
        return null;
    }

    /**
     * An exported function; its owner and index let other native instances that import it (or get
     * it through a shared table) recognise it (see {@link NativeRefs}).
     */
    record ExportedFunction(NativeInstance owner, int index, FuncType type, String name) implements FunctionExtern {
        @Override
        public long[] call(long... args) {
            return owner.invoke(name, args);
        }
    }

    List<FunctionExtern> importedFunctions() {
        return importedFunctions;
    }

    List<SharedTable> importedTables() {
        return importedTables;
    }

    /**
     * Imported tables live in their owners (core spec §4.5.4): copied in before a run and out after
     * it ({@link TableCopies}).
     */
    void syncTables(boolean in) throws IOException {
        tables.sync(in);
    }

    /** An active element segment wrote {@code length} elements at {@code offset} of imported table {@code t}. */
    void segmentWrote(int t, long offset, int length) {
        tables.segmentWrote(t, offset, length);
    }

    /** The placeholders of own table {@code table} (see {@link TableCopies#foreign}). */
    java.util.Map<Integer, Object> foreign(int table) {
        return tables.foreign(table);
    }

    @Override
    public synchronized long[] invoke(String function, long... args) {
        Integer thunk = compiled.exports().get(function);
        Export export = program.module().exports().stream()
                .filter(e -> e.name().equals(function) && e.kind() == ExternKind.FUNC).findFirst().orElse(null);
        if (thunk == null || export == null) {
            throw new IllegalArgumentException("no exported function " + function);
        }
        return invokeThunk(function, export.index(), thunk, args);
    }

    /**
     * Calls defined function {@code index}, which another instance found in a table (see {@link
     * NativeRefs}); the compiler made an invoke thunk for every function that can get there.
     */
    synchronized long[] invokeFunction(int index, long... args) {
        Integer thunk = compiled.functionThunks().get(index);
        if (thunk == null) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("function " + index + " has no invoke thunk"));
        }
        return invokeThunk("function " + index, index, thunk, args);
    }

    private long[] invokeThunk(String function, int index, int thunk, long[] args) {
        if (inHostCall) {
            throw new IllegalStateException("a native instance cannot be called from its own host call");
        }
        if (suspended) {
            throw new IllegalStateException("a suspended execution is waiting for resume()");
        }
        FuncType type = program.module().functionType(index);
        if (args.length != type.params().size()) {
            throw new IllegalArgumentException(function + " takes " + type.params().size() + " arguments");
        }
        if (Math.max(type.params().size(), type.results().size()) > SLOTS) {
            throw new IllegalArgumentException(function + " has more than " + SLOTS + " parameters or results");
        }
        ByteBuffer page = ByteBuffer.allocate(8 + 8 * args.length).order(ByteOrder.LITTLE_ENDIAN);
        page.putLong(thunk);
        for (long a : args) {
            page.putLong(a);
        }
        // An interrupt made while nothing ran applies now, deterministically: before the
        // function's first instruction (a suspension point, like the interpreter's).
        TrapId pending = pendingInterrupt;
        if (pending != null) {
            pendingInterrupt = null;
            if (pending == TrapId.SUSPENDED) {
                notStarted = new PendingCall(index, args.clone(), type, page.array());
                suspended = true;
            }
            throw new TrapException(pending);
        }
        try {
            state.fd().pwriteFully(page.array(), invokePage());
            return run(false, program.stubOffset(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File offset of the invoke page (the lowest page of the globals area). */
    private long invokePage() {
        return state.layout().memoryOffset() - state.layout().globalsSize();
    }

    /**
     * Makes this (restored) instance suspended in {@code frames}: a native stack is built for
     * randomly chosen fixed addresses (text, stack and memory in separate bands, so they never
     * overlap) and {@link #resume()} continues from it.
     */
    void restoreStack(List<InstanceState.Frame> frames) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        long textAddr = (1L << 40) + (random.nextLong(1L << 27) << 12);
        long stackAddr = (1L << 41) + (random.nextLong(1L << 27) << 12);
        long memoryAddr = (1L << 42) + (random.nextLong((1L << 13) - 2) << 32); // below 2^46 with its reservation
        long bottom = stackAddr + StateLayout.STACK_OFFSET;
        StateLayout layout = state.layout();
        StackBuilder.Image image = new StackBuilder(compiled, program.module()).build(frames, layout.stackSize(),
                bottom, textAddr, memoryAddr - layout.globalsSize() + 8, program.stubOffset());
        state.fd().pwriteFully(image.stack(), StateLayout.STACK_OFFSET);
        long sp = image.spOffset() + 8;
        byte[] top = state.readStack(sp, 8);
        long pc = ByteBuffer.wrap(top).order(ByteOrder.LITTLE_ENDIAN).getLong() - textAddr;
        last = new Vars(Vars.MAGIC, Vars.STOPPED, 0, memoryPages, sp, pc, 0, textAddr, stackAddr, memoryAddr, false);
        // The loader resumes only from a vars page it recognises (loader.c init_vars).
        state.fd().pwriteFully(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Vars.MAGIC).array(), 0);
        suspended = true;
        suspendedType = image.type();
    }

    /** Runs the entry routine (the start function) at instantiation. */
    void runEntry() throws IOException {
        run(false, compiled.entry(), null);
    }

    @Override
    public synchronized long[] resume() {
        if (inHostCall) {
            throw new IllegalStateException("a native instance cannot be resumed from its own host call");
        }
        if (!suspended) {
            throw new IllegalStateException("nothing to resume");
        }
        if (notStarted != null) {
            PendingCall call = notStarted;
            notStarted = null;
            suspended = false;
            try {
                state.fd().pwriteFully(call.invokePage(), invokePage());
                return run(false, program.stubOffset(), call.type());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            // gate.compiler RUNTIME-NEEDS.md §6: the innermost frame's rbp goes right below the
            // saved stack pointer; the resume routine pops it and returns into the check.
            long sp = last.spOffset();
            Site site = compiled.siteAt((int) last.trapPc());
            if (site != null && site.kind() == SiteKind.IMPORT && site.function() >= 0
                    && site.function() < importedFunctions.size()) {
                if (abi != null) { // the runtime serves the call again (abi-native.md §6)
                    abi.retryImport(state, compiled, last, site.function());
                    suspended = false;
                    return run(true, compiled.resume(), suspendedType);
                }
                // A call of an import to be retried (restored from a state): the host call, then the caller.
                try {
                    callHost(site.function(), sp);
                    writeLong(16, sp + 8); // vars.sp_offset: at the saved rbp, for the resume routine
                } catch (TrapException e) {
                    suspended = e.trap().resumable;
                    throw e;
                }
                suspended = false;
                return run(true, compiled.resume(), suspendedType);
            }
            if (site == null || (site.kind() != SiteKind.LOOP && site.kind() != SiteKind.ENTRY)) {
                throw new TrapException(TrapId.INTERNAL_ERROR);
            }
            long stackBottom = last.stackAddr() + StateLayout.STACK_OFFSET;
            long rbp = stackBottom + sp + 8;
            if (site.kind() == SiteKind.LOOP) {
                FunctionInfo info = compiled.functions().get(site.function());
                rbp += info.frameSize();
            }
            writeLong(StateLayout.STACK_OFFSET + sp - 8, rbp);
            writeLong(16, sp - 8); // vars.sp_offset
            suspended = false;
            return run(true, compiled.resume(), suspendedType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLong(long fileOffset, long value) throws IOException {
        state.writeWord(fileOffset, value);
    }

    /** Imported globals live in their owners: copied in before each run and (mutable ones) out after. */
    private void syncGlobals(boolean in) throws IOException {
        long base = state.layout().memoryOffset();
        for (int g = 0; g < importedGlobals.size(); g++) {
            GlobalExtern ge = importedGlobals.get(g);
            long at = base + compiled.area().global(g);
            if (in) {
                writeLong(at, ge.get());
            } else if (ge.type().mutable()) {
                byte[] b = new byte[8];
                state.fd().preadFully(b, at);
                ge.set(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong());
            }
        }
    }

    /** Runs until the execution ends, serving calls of imported functions in between. */
    /**
     * An imported memory lives in its owner: copied into the state memfd before a run and back
     * after it, growing the owner's memory if the program grew it.
     */
    void syncMemory(boolean in) throws IOException {
        if (importedMemory == null) {
            return;
        }
        long pages = NativeProgram.pages(importedMemory);
        if (in) {
            if (pages > state.layout().maxMemoryPages()) {
                throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("imported memory exceeds the instance limit"));
            }
            memoryPages = (int) pages;
        } else if (memoryPages > pages && importedMemory.grow(memoryPages - pages) < 0) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("the imported memory refused to grow"));
        }
        long size = (long) memoryPages * StateLayout.WASM_PAGE;
        byte[] chunk = new byte[1 << 20];
        for (long at = 0; at < size; at += chunk.length) {
            int n = (int) Math.min(chunk.length, size - at);
            if (in) {
                importedMemory.read(at, chunk, 0, n);
                state.writeMemory(at, n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
            } else {
                byte[] part = state.readMemory(at, n);
                importedMemory.write(at, part, 0, n);
            }
        }
    }

    /**
     * The memory.grow bound of the next run: the instance limit, and for an imported memory also
     * its owner's maximum (core spec §4.5.4: the import's own declared maximum may be larger).
     */
    private int maxMemoryPages() {
        long max = state.layout().maxMemoryPages();
        if (importedMemory != null && importedMemory.type().limits().hasMax()) {
            max = Math.min(max, Math.max(memoryPages, importedMemory.type().limits().max()));
        }
        return (int) max;
    }

    private long[] run(boolean resume, int entry, FuncType type) throws IOException {
        requested = null; // an interrupt of an earlier execution was answered when it ended
        long[] results = runOnce(resume, entry, type);
        while (results == null) {
            results = runOnce(true, compiled.resume(), type);
        }
        return results;
    }

    /** One process run: the results, or null after serving a host call (resume next). */
    private long[] runOnce(boolean resume, int entry, FuncType type) throws IOException {
        String broken = contradiction;
        if (broken != null) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of(broken));
        }
        StateLayout layout = state.layout();
        tables.checkForeign();
        syncGlobals(true);
        syncMemory(true);
        syncTables(true);
        TextImage text = program.text();
        StartRecord record = new StartRecord(resume,
                last == null ? 0 : last.textAddr(), last == null ? 0 : last.stackAddr(),
                last == null ? 0 : last.memoryAddr(), text.size(), layout.stackSize(),
                layout.globalsSize(), memoryPages, maxMemoryPages(), entry, 0, 0,
                last == null ? 0 : last.monotonicNanos());
        if (abi != null) {
            record = abi.prepare(record, state);
        } else {
            state.clearEnd(); // the end serve() may read from the vars page is this run's
        }
        Served served;
        try (InstanceProcess p = abi != null ? abi.launch(program.engine().executor(), text, record, state)
                : program.engine().executor().launch(text, record, state)) {
            running = p;
            TrapId pending = pendingInterrupt;
            if (pending != null) {
                pendingInterrupt = null;
                interrupt(pending);
            }
            try {
                served = abi != null ? new Served(abi.serve(p, () -> requested == TrapId.KILLED), null, false, false, null)
                        : serve(p);
            } catch (InterruptedException e) {
                p.kill(); // the thread is told to stop: so is the program
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrapException(TrapId.KILLED);
        } catch (ExecutionException e) {
            throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of(String.valueOf(e.getCause())));
        } finally {
            running = null;
        }
        syncGlobals(false);
        Vars vars = served.vars() != null ? served.vars() : state.readVars();
        if (vars.valid()) {
            // The vars page is writable inside the sandbox: never trust it beyond its layout.
            if (!vars.fits(layout, text.size())) {
                throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("native instance left a corrupt vars page"));
            }
            last = vars;
            memoryPages = vars.memoryPages();
        }
        syncMemory(false);
        syncTables(false);
        if (served.garbled()) {
            // The JVM killed the process for it: the kill is not the outcome (nor is any status).
            throw new TrapException(TrapId.INTERNAL_ERROR, 0,
                    List.of("a native instance process that sent a garbled host call request (killed)"));
        }
        ExitStatus status = served.status();
        switch (status.kind()) {
            case EXIT -> {
                if (status.code() >= 2) {
                    throw TrapException.exit(abi != null ? abi.exitValue(state) : status.code() & 1);
                }
                return results(type);
            }
            case TRAP -> {
                TrapId trap = status.trap();
                if (abi != null) {
                    AbiMode.Outcome outcome = abi.stopped(trap, vars, compiled, program.module(), state,
                            requested == TrapId.KILLED);
                    switch (outcome.kind()) {
                        case RETRY -> {
                            return null; // the pool is refilled: the call runs again at once
                        }
                        case SUSPENDED -> {
                            suspended = true;
                            suspendedType = type;
                            throw outcome.trap();
                        }
                        case FINAL -> throw outcome.trap();
                        case NOT_IN_ABI -> { }
                    }
                }
                if (trap == TrapId.NO_FUNCTION && tables.placeholdersCalled()) {
                    throw new ForeignFunctionException("call_indirect found a null element in a table that also holds"
                            + " functions of other instances this instance cannot call (the native engine cannot tell them apart)");
                }
                Site site = trap == TrapId.INTERNAL_ERROR && vars.valid() ? compiled.siteAt((int) vars.trapPc()) : null;
                if (site != null && site.kind() == SiteKind.IMPORT && site.function() < importedFunctions.size()) {
                    if (served.failure() != null) {
                        throw hostStopped(served.failure(), type);
                    }
                    if (site.function() < 0) {
                        callForeign(vars.spOffset());
                    } else if (!served.stoppedAfterCall()) {
                        callHost(site.function(), vars.spOffset());
                    }
                    writeLong(16, vars.spOffset() + 8); // vars.sp_offset: at the saved rbp, for the resume routine
                    return null;
                }
                if (trap == TrapId.SUSPENDED && vars.valid() && vars.state() == Vars.STOPPED) {
                    suspended = true;
                    suspendedType = type;
                }
                throw new TrapException(trap, 0, StackReader.innermostFunction(compiled, program.module(), vars));
            }
            default -> throw new TrapException(status.trap(), 0, List.of("native instance process: " + status));
        }
    }

    /**
     * A call of an imported function stopped the process in the function's import stub
     * (gate.compiler RUNTIME-NEEDS.md §3-4): {@code [sp + 8]} is the caller's rbp, {@code [sp + 16]}
     * the return address into the caller, the arguments are at {@code sp + 24 + 8k} and the results
     * go there. Runs the host function and sets the saved stack pointer so that the resume
     * routine ({@code pop rbp; ret}) returns into the caller.
     */
    /**
     * A call_indirect of a foreign function stopped the process in the foreign stub (same frame
     * shape as an import stub): the area's pending cell names the function.
     */
    private void callForeign(long sp) throws IOException {
        Object ref = foreignSlots.pending();
        FuncType type = ForeignSlots.type(ref);
        long[] args = OutgoingArea.arguments(state, type, sp);
        long[] results;
        if (ref instanceof NativeRefs.DefinedFunction d) {
            results = d.owner().invokeFunction(d.index(), args);
        } else if (ref instanceof gate.engine.HostFunction h) {
            results = h.body().call(this::callerMemory, args);
        } else {
            results = ((FunctionExtern) ref).call(args);
        }
        OutgoingArea.results(state, type, results, sp, "foreign function");
    }

    private void callHost(int function, long sp) throws IOException {
        FuncType type = program.module().functionType(function);
        long[] args = OutgoingArea.arguments(state, type, sp);
        FunctionExtern f = importedFunctions.get(function);
        long[] results = f instanceof gate.engine.HostFunction h
                ? h.body().call(this::callerMemory, args) : f.call(args);
        OutgoingArea.results(state, type, results, sp, "host function " + function);
    }

    /**
     * Serves the process's calls of imported functions while it waits (runtime.native DESIGN.md
     * §5, host slot) until it ends, and returns how it ended. A call the process cannot wait for
     * (see {@link #servedInProcess}) is stopped at and served after the process ended.
     */
    private Served serve(InstanceProcess p) throws IOException, InterruptedException, ExecutionException {
        HostChannel channel = new HostChannel(p);
        RuntimeException failure = null;
        boolean stoppedAfterCall = false;
        boolean garbled = false;
        java.util.function.BooleanSupplier ended = () -> p.status().isDone();
        for (int function = channel.next(ended); function != HostChannel.ENDED; function = channel.next(ended)) {
            Vars vars = state.readVars();
            Site site = vars.valid() && vars.fits(state.layout(), program.text().size())
                    ? program.siteAt((int) vars.trapPc()) : null;
            if (site != null && site.kind() == SiteKind.IMPORT && site.function() < 0
                    && function == CompiledProgram.FOREIGN_CALL) {
                channel.stop(); // another instance's code may call back into this one: served after the stop
                continue;
            }
            if (function == HostChannel.GARBLED || site == null || site.kind() != SiteKind.IMPORT
                    || site.function() != function || function >= importedFunctions.size()) {
                p.kill(); // not what the compiled code sends: the sandbox is not trustworthy now
                garbled = true;
                continue;
            }
            if (stoppedAfterCall || failure != null || garbled || !servedInProcess(importedFunctions.get(function))) {
                channel.stop();
                continue;
            }
            int pages = vars.memoryPages();
            memoryPages = pages;
            inHostCall = true;
            try {
                callHost(function, vars.spOffset());
            } catch (RuntimeException e) {
                failure = e;
                channel.stop();
                continue;
            } finally {
                inHostCall = false;
            }
            if (memoryPages != pages) { // the host grew the memory: the process must map it anew
                stoppedAfterCall = true;
                channel.stop();
                continue;
            }
            channel.proceed();
        }
        // The process closed its output: its end is in the vars page unless it crashed or was
        // killed (runtime.native DESIGN.md §2, "End of a run"). A kill or suspend asked for waits
        // for the container's status, which tells whether it came first.
        ExitStatus status = p.status().getNow(null);
        Vars vars = null;
        if (status == null && !garbled && requested == null) {
            vars = state.readVars();
            status = p.endedEarly(vars, state.layout(), program.text().size(), this::contradicted);
            if (status != null) {
                p.watchEnd();
            }
        }
        if (status == null) {
            status = p.status().get();
            vars = null;
        }
        return new Served(status, failure, stoppedAfterCall, garbled, vars);
    }

    /** The container's status of a process that had reported its end told another (see endedEarly). */
    private void contradicted(ExitStatus status) {
        contradiction = "a native instance process ended as " + status + " after it had reported the end of its run";
    }

    /**
     * How a run ended ({@link #serve}): its status, the failure of a host call served while the
     * process waited (the process was then told to stop at the call), and whether a call was
     * served before the process had to stop after it anyway (its results are written), and
     * whether the JVM killed the process for a message that was not a host call request; the vars
     * page if it was read to learn the end (else null).
     */
    private record Served(ExitStatus status, RuntimeException failure, boolean stoppedAfterCall, boolean garbled,
            Vars vars) {}

    /**
     * Whether a call can be served while the process waits: a host function (not another
     * instance's code, which may call back into this one) of an instance whose imported memory,
     * tables and globals are not copies that would have to be synchronised around the call.
     */
    private boolean servedInProcess(FunctionExtern f) {
        return f instanceof gate.engine.HostFunction && importedMemory == null && importedTables.isEmpty()
                && importedGlobals.stream().noneMatch(g -> g.type().mutable());
    }

    /**
     * The outcome of a host function that failed while the process waited; the process has
     * stopped at the call. A resumable trap leaves the instance suspended there, to retry the
     * call on resume (as the interpreter does, gate.interp Calls); a SUSPENDED that answers a
     * kill becomes KILLED.
     */
    private RuntimeException hostStopped(RuntimeException failure, FuncType type) {
        if (failure instanceof TrapException e) {
            TrapId asked = requested;
            if (e.trap() == TrapId.SUSPENDED && asked == TrapId.KILLED) {
                return new TrapException(TrapId.KILLED);
            }
            if (e.trap() == TrapId.SUSPENDED && asked == TrapId.SUSPENDED) {
                requested = null;
            }
            if (e.trap().resumable) {
                suspended = true;
                suspendedType = type;
            }
        }
        return failure;
    }

    private gate.engine.MemoryExtern callerMemory() {
        if (importedMemory != null) {
            return importedMemory;
        }
        return program.module().memories().isEmpty() ? null
                : new InstanceExports(program.module(), compiled, state, this).memory();
    }

    private long[] results(FuncType type) throws IOException {
        if (type == null) {
            return new long[0];
        }
        byte[] page = new byte[8 + 8 * type.results().size()];
        state.fd().preadFully(page, invokePage());
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        List<ValType> types = type.results();
        long[] out = new long[types.size()];
        for (int k = 0; k < out.length; k++) {
            long v = b.getLong(8 + 8 * k);
            ValType t = types.get(k);
            out[k] = SlotValue.of(t, v);
        }
        return out;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void interrupt(TrapId reason) {
        if (reason != TrapId.SUSPENDED && reason != TrapId.KILLED) {
            throw new IllegalArgumentException("interrupt reason must be SUSPENDED or KILLED");
        }
        InstanceProcess p = running;
        if (p == null) {
            pendingInterrupt = reason;
            return;
        }
        if (requested != TrapId.KILLED) {
            requested = reason;
        }
        try {
            if (reason == TrapId.KILLED) {
                p.kill();
            } else {
                p.suspend();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized InstanceState captureState() {
        if (running != null) {
            throw new IllegalStateException("executing");
        }
        if (!foreignSlots.isEmpty() || tables.hasPlaceholders()) {
            throw new ForeignFunctionException("a table of this instance holds functions of other instances: not capturable");
        }
        try {
            byte[] areaBytes = state.readGlobalsArea(program.globalsSize());
            AreaImage now = new AreaImage(program.module(), compiled,
                    java.util.Arrays.copyOfRange(areaBytes, StateLayout.PAGE, areaBytes.length));
            if ((long) memoryPages * StateLayout.WASM_PAGE > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("memory of " + memoryPages + " pages does not fit in a captured state");
            }
            byte[] memory = !hasMemory() ? null : state.readMemory(0, memoryPages * StateLayout.WASM_PAGE);
            return new InstanceState(memory, now.globals(), now.tables(), now.droppedData(),
                    now.droppedElements(), !suspended ? List.of()
                            : notStarted != null ? List.of(StackReader.entryFrame(program.module(), notStarted.function(), notStarted.args()))
                            : StackReader.suspendedStack(compiled, program.module(), state, last));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasMemory() {
        return !program.module().memories().isEmpty();
    }

    /** Closes the state once this instance is garbage (see NativeProgram#release). */
    void closeWhenUnreachable(java.lang.ref.Cleaner cleaner) {
        StateFile file = state;
        cleaner.register(this, file::close);
    }

    @Override
    public void close() {
        if (abi != null) {
            abi.close();
        }
        InstanceProcess p = running;
        if (p != null) {
            try {
                p.kill();
            } catch (IOException e) {
                // the container is gone, and the process with it
            }
        }
        state.close();
    }
}
