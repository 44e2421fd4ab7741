package gate.runtime;

import gate.abi.AbiConfig;
import gate.api.Service;
import gate.engine.Engine;
import gate.engine.InstanceLimits;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to run and how.
 *
 * @param wasm the module's bytes (untrusted)
 * @param engine the engine that compiles and runs it
 * @param function the export to invoke: {@code _start} for WASI commands
 * @param abi argv, environment, clock resolution and randomness of the program's ABI
 * @param limits memory and stack limits of the instance
 * @param ownServices services only this instance sees (its origin connection)
 * @param stdio the service behind WASI stdin and stdout, or null for none
 * @param debug receives the program's debug output (WASI fd 2)
 */
public record Launch(
        byte[] wasm,
        Engine engine,
        String function,
        AbiConfig abi,
        InstanceLimits limits,
        Map<String, Service> ownServices,
        Service stdio,
        Consumer<byte[]> debug) {

    /** The entry point of WASI commands. */
    public static final String START = "_start";

    public Launch {
        Objects.requireNonNull(wasm, "wasm");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(limits, "limits");
        ownServices = Map.copyOf(ownServices);
        Objects.requireNonNull(debug, "debug");
    }
}
