/**
 * The engine SPI: what every WebAssembly engine of Gate (the portable interpreter, the native
 * compiler) implements, and what the broker, the conformance runner and the benchmarks use.
 *
 * <h2>Values</h2>
 * Values cross the SPI as 64-bit slots in {@code long}s:
 * <ul>
 *   <li>{@code i64}: the value; {@code f64}: {@link Double#doubleToRawLongBits}.
 *   <li>{@code i32}: the value zero-extended; {@code f32}: {@link Float#floatToRawIntBits}
 *       zero-extended. Canonical form matters: states from two engines compare equal only if both
 *       zero-extend.
 *   <li>{@code funcref}: the function's index in the owning module's function index space;
 *       {@code externref}: a host reference id chosen by the host; null of either type: {@link
 *       Values#NULL_REF}.
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * {@link gate.engine.Engine#compile} turns a validated {@link gate.wasm.Module} into a {@link
 * gate.engine.Program} (immutable, shareable); {@link gate.engine.Program#instantiate} links it and
 * runs its initialisation; {@link gate.engine.Instance#invoke} runs an export on the calling
 * thread; {@link gate.engine.Instance#interrupt} stops it from another thread; {@link
 * gate.engine.Instance#captureState} and {@link gate.engine.Program#restore} move a stopped
 * instance between engines and hosts.
 */
package gate.engine;
