package gate.abi;

/**
 * The WASI modules: the calls wasi-libc programs make, with Gate's behaviour for each (README §4,
 * architecture reference §3.7). Every function of the interface is present, so no program fails
 * to link for lack of one; what Gate cannot do returns a clean errno ({@link WasiUnsupported}).
 * {@code wasi_snapshot_preview1} and the older {@code wasi_unstable} differ only in struct
 * layouts ({@link WasiLayout}).
 */
final class WasiImports {
    private WasiImports() {}

    static ImportTable table(AbiState s, WasiLayout layout) {
        ImportTable t = new ImportTable();
        new WasiFds(s, layout).register(t);
        WasiClocks clocks = new WasiClocks(s);
        clocks.register(t);
        new WasiPoll(s, clocks, layout).register(t);
        new WasiRandom(s).register(t);
        new WasiArgs(s).register(t);
        new WasiProc(s).register(t);
        WasiUnsupported.register(t);
        return t;
    }
}
