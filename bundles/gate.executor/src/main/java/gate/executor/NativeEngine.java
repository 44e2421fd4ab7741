package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.engine.Engine;
import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The native engine ({@code native}): compiles WebAssembly to x86-64 with {@link Compiler}
 * (cached on disk by {@link ProgramCache}) and runs every instance in its own sandboxed process
 * of the platform's one {@code gate-container} (runtime.native). Linux x86-64 only; see {@link
 * #isAvailable()}. Settings come from system properties: {@code gate.native.cache} (compiled
 * programs), {@code gate.native.bin} (where the container binary is installed; must allow
 * execution), {@code gate.native.pool} (idle pre-spawned processes, default 4).
 *
 * <p>Found through {@link java.util.ServiceLoader} and, in OSGi, as a DS component (the annotation
 * is build-time only). Nothing is started until the first instance.
 */
@Component(service = Engine.class, property = "gate.engine.name=native")
public final class NativeEngine implements Engine {
    /** The name on command lines and in service properties. */
    public static final String NAME = "native";

    private final ExecutorConfig config;
    private final ProgramCache cache;
    private Executor executor;

    public NativeEngine() {
        this(new ExecutorConfig(
                Path.of(System.getProperty("gate.native.bin", BinaryInstaller.defaultDirectory().toString())),
                Integer.getInteger("gate.native.pool", 4), true),
                new ProgramCache(Path.of(System.getProperty("gate.native.cache",
                        ProgramCache.defaultDirectory().toString()))));
    }

    public NativeEngine(ExecutorConfig config, ProgramCache cache) {
        this.config = config;
        this.cache = cache;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True on Linux x86-64 where the container starts (with or without namespaces). */
    @Override
    public boolean isAvailable() {
        if (!supportedPlatform()) {
            return false;
        }
        try {
            executor().container();
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean supportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.equals("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    synchronized Executor executor() {
        if (executor == null) {
            executor = new Executor(config);
        }
        return executor;
    }

    @Override
    public Program compile(Module module) {
        if (!supportedPlatform()) {
            throw new ResourceLimitException(0, "the native engine needs Linux on x86-64");
        }
        boolean lzcnt = CpuFeatures.hasLzcntAndTzcnt();
        String variant = lzcnt ? "lzcnt" : "base";
        String hash = BinaryInstaller.sha256(module.bytes()); // once: memory and disk keys share it
        String key = hash + "-" + variant;
        NativeProgram known = recent.get(key);
        if (known != null) {
            return known;
        }
        CompiledProgram compiled = cache.get(hash, variant, () -> new Compiler(lzcnt).compile(module, -1), null);
        return recent.put(key, new NativeProgram(this, module, compiled));
    }

    /**
     * Programs compiled lately, by module hash: a module run again starts without reading the
     * disk cache, and its instances share one text memfd (one copy of the code in memory).
     */
    private final RecentPrograms recent = new RecentPrograms(64, 256L << 20);

    @Override
    public MemoryExtern createMemory(MemoryType type) {
        return new HostExterns.Memory(type);
    }

    @Override
    public TableExtern createTable(TableType type) {
        return new HostExterns.Table(type);
    }

    @Override
    public GlobalExtern createGlobal(GlobalType type, long value) {
        if (type.type() == gate.wasm.ValType.FUNCREF && value != gate.engine.Values.NULL_REF) {
            throw new IllegalArgumentException("a host funcref global can only start as null");
        }
        return new HostExterns.Global(type, value);
    }

    /** Stops the container (DS deactivation; plain users may call it at exit). */
    @Deactivate
    public synchronized void close() {
        if (executor != null) {
            executor.close();
            executor = null;
        }
    }

    /** CPU features the code generator may use. */
    static final class CpuFeatures {
        private CpuFeatures() {}

        /** Read once: /proc/cpuinfo costs a fraction of a millisecond per read. */
        private static final boolean LZCNT_AND_TZCNT = read();

        static boolean hasLzcntAndTzcnt() {
            return LZCNT_AND_TZCNT;
        }

        private static boolean read() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("flags")) {
                        String flags = " " + line.substring(line.indexOf(':') + 1) + " ";
                        return flags.contains(" abm ") && flags.contains(" bmi1 ");
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        }
    }
}
