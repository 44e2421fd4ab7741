package gate.abi;

/**
 * Module {@code wasi_snapshot_preview1}: the WASI calls wasi-libc programs make, with Gate's
 * behaviour for each (README §4, architecture reference §3.7). Every function of the preview1
 * interface is present, so no program fails to link for lack of one; what Gate cannot do returns
 * a clean errno ({@link WasiUnsupported}).
 */
final class WasiImports {
    static final String MODULE = "wasi_snapshot_preview1";

    private WasiImports() {}

    static ImportTable table(AbiState s) {
        ImportTable t = new ImportTable();
        new WasiFds(s).register(t);
        WasiClocks clocks = new WasiClocks(s);
        clocks.register(t);
        new WasiPoll(s, clocks).register(t);
        new WasiRandom(s).register(t);
        new WasiArgs(s).register(t);
        new WasiProc(s).register(t);
        WasiUnsupported.register(t);
        return t;
    }
}
