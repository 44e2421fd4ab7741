package gate.abi;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * Runs a program of testdata/ with a {@link FakeSession} on the engine named by {@code
 * -Dgate.abi.engine} (default {@code interp}): gate.executor runs these same tests on the native
 * engine, where the ABI runs inside the sandbox (notes/s8/abi-native.md).
 */
final class ProgramRun {
    static final Path TESTDATA = Path.of("../../testdata");
    static final Engine ENGINE = Engines.find(System.getProperty("gate.abi.engine", "interp"));
    /**
     * Whether the ABI runs in Java, so that {@link ProgramAbi}'s own state (discovered services,
     * unsent output) tells what the program did: not on the native engine in ABI mode, where that
     * state lives inside the sandbox.
     */
    static final boolean ABI_IN_JAVA = !ENGINE.name().equals("native")
            || "host".equals(System.getProperty("gate.native.abi"));

    /** How a run ended: normally or by exit (trap EXIT with the status), or another trap. */
    record Outcome(TrapId trap, int exitCode) {
        static final Outcome RETURNED = new Outcome(TrapId.EXIT, 0);

        boolean exited(int status) {
            return trap == TrapId.EXIT && exitCode == status;
        }
    }

    final FakeSession session;
    final ProgramAbi abi;
    final Instance instance;

    ProgramRun(String program, FakeSession session, String... args) {
        this(load(program), session, config(program, args));
    }

    ProgramRun(Module module, FakeSession session, AbiConfig config) {
        this.session = session;
        Program compiled = ENGINE.compile(module);
        this.abi = ProgramAbi.create(module, session, config);
        this.instance = compiled.instantiate(abi, InstanceLimits.DEFAULT);
    }

    static AbiConfig config(String program, String... args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        return new AbiConfig(argv, List.of(), 1, new SecureRandom(), AbiConfig.DEFAULT_RANDOM_LIMIT, 65536);
    }

    static Module load(String program) {
        try {
            return Wasm.load(Files.readAllBytes(TESTDATA.resolve(program + ".wasm")), WasmLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes the export and reports how it ended. */
    Outcome invoke(String function) {
        try {
            instance.invoke(function);
            return Outcome.RETURNED;
        } catch (TrapException e) {
            return new Outcome(e.trap(), e.exitCode());
        }
    }

    Outcome start() {
        return invoke("_start");
    }

    Outcome resume() {
        try {
            instance.resume();
            return Outcome.RETURNED;
        } catch (TrapException e) {
            return new Outcome(e.trap(), e.exitCode());
        }
    }
}
