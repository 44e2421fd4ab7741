package gate.abi;

/**
 * The struct layouts that differ between the two WASI versions Gate accepts. Everything else
 * (signatures, errno numbers, rights bits, fdstat, events) is the same in {@code wasi_unstable}
 * (preview 0) and {@code wasi_snapshot_preview1}.
 *
 * @param module the import module name
 * @param subscriptionSize bytes of one {@code subscription}
 * @param clockIdAt offset of the clock id in a clock subscription (preview 0 has a u64
 *     identifier first)
 * @param timeoutAt offset of the timeout
 * @param clockFlagsAt offset of the subclock flags
 * @param filestatSize bytes of a {@code filestat} (preview 0 has a u32 nlink)
 */
record WasiLayout(String module, int subscriptionSize, int clockIdAt, int timeoutAt, int clockFlagsAt, int filestatSize) {
    static final WasiLayout PREVIEW1 = new WasiLayout("wasi_snapshot_preview1", 48, 16, 24, 40, 64);
    static final WasiLayout UNSTABLE = new WasiLayout("wasi_unstable", 56, 24, 32, 48, 56);
}
