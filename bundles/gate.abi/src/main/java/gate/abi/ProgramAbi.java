package gate.abi;

import gate.engine.Extern;
import gate.engine.Imports;
import gate.wasm.ExternKind;
import gate.wasm.Import;
import gate.wasm.Module;

/**
 * The imports of one program instance: Gate's packet I/O ({@code gate.io_N}, {@code gate.fd_N})
 * and WASI ({@code wasi_snapshot_preview1}, and {@code wasi_unstable} with its older struct
 * layouts), all over one {@link InstancePipe}. The behaviour is the same on every engine;
 * README.md of this module is the specification (pipe protocol, stdio channel on code -2,
 * validation rules, import table, blocking).
 *
 * <p>{@link #resolve} answers every supported function import with a host function of the exact
 * signature, and null for everything else (other modules or names, tables, memories, globals), so
 * instantiation fails with "unknown import"; an import of a supported name with another signature
 * gets the host function anyway and the engine reports the incompatible type.
 *
 * <p>One {@code ProgramAbi} belongs to one instance; its host functions keep state (discovered
 * services, stdio credit, a partially sent packet) and run on the thread executing the instance.
 */
public final class ProgramAbi implements Imports {
    private final AbiState state;
    private final InstancePipe pipe;
    private final AbiConfig config;
    private final GateImports gate;
    /** The WASI modules' functions, made when the program first imports from the module. */
    private ImportTable wasi;
    private ImportTable wasiUnstable;

    private ProgramAbi(AbiState state) {
        this.state = state;
        this.pipe = state.pipe;
        this.config = state.config;
        this.gate = new GateImports(state);
    }

    /**
     * The ABI for one instance of {@code module}.
     *
     * @param module the validated module (its imports are resolved by {@link #resolve} at
     *     instantiation)
     * @param pipe the instance's packet streams
     * @param config arguments, environment, clock resolution, randomness and send size
     */
    public static ProgramAbi create(Module module, InstancePipe pipe, AbiConfig config) {
        if (module == null || pipe == null || config == null) {
            throw new IllegalArgumentException("module, pipe and config are required");
        }
        return new ProgramAbi(new AbiState(pipe, config));
    }

    @Override
    public Extern resolve(Import imp) {
        if (imp.desc().kind() != ExternKind.FUNC) {
            return null;
        }
        return switch (imp.module()) {
            case GateImports.MODULE -> gate.resolve(imp.name());
            case "wasi_snapshot_preview1" -> wasi().get(imp.name());
            case "wasi_unstable" -> wasiUnstable().get(imp.name());
            default -> null;
        };
    }

    private ImportTable wasi() {
        if (wasi == null) {
            wasi = WasiImports.table(state, WasiLayout.PREVIEW1);
        }
        return wasi;
    }

    private ImportTable wasiUnstable() {
        if (wasiUnstable == null) {
            wasiUnstable = WasiImports.table(state, WasiLayout.UNSTABLE);
        }
        return wasiUnstable;
    }

    /**
     * The number that names {@code imp}'s behaviour for a native runtime that implements this ABI
     * inside its sandbox (runtime.native include/gate/abi_area.h, GATE_ABI_FN_*, README §7): 1
     * {@code gate.io_N}, 2 {@code gate.fd_N}, 3..24 the WASI functions (the unsupported ones by
     * errno group), plus 0x100 for {@code wasi_unstable}. 0 exactly when {@link #resolve} gives
     * null. The signature is not checked here: the engine's link check does that.
     */
    public int functionId(Import imp) {
        if (resolve(imp) == null) {
            return 0;
        }
        return switch (imp.module()) {
            case GateImports.MODULE -> AbiFunctions.gate(imp.name());
            case "wasi_unstable" -> AbiFunctions.wasi(imp.name(), true);
            default -> AbiFunctions.wasi(imp.name(), false);
        };
    }

    /** The pipe this ABI was made with (an engine running the ABI elsewhere moves its bytes). */
    public InstancePipe pipe() {
        return pipe;
    }

    /** The configuration this ABI was made with. */
    public AbiConfig config() {
        return config;
    }

    /**
     * Bytes the program sent that the pipe has not accepted yet: whole packets, then the program's
     * unfinished packet. The session takes them over when the instance stops (reference §1.9
     * "Buffers.Output"); normally empty, since exits wait until everything is written.
     */
    public byte[] unsentOutput() {
        return state.output.unsent();
    }

    /** Writes what the pipe accepts now of {@link #unsentOutput()}; true when nothing is left. */
    public boolean flush() {
        state.output.flush();
        return state.output.isFlushed();
    }

    /** How many services the program has discovered, as far as the ABI has seen the replies. */
    public int discoveredServices() {
        return state.discovery.discovered();
    }
}
