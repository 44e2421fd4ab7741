package gate.executor;

import gate.abi.AbiConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ABI area of an instance in ABI mode: {@code struct gate_abi_area} of runtime.native
 * include/gate/abi_area.h (notes/s8/abi-native.md §3), at {@link StateLayout#abiOffset()} in the
 * state memfd. The JVM writes the configuration once (bindings, argv, environment, limits, the
 * first random pool) and before every start zeroes the stop reason; the runtime writes the stop
 * reason, exit value, message and the random counters. The runtime's private state follows at
 * {@link #STATE_SIZE} bytes, sparse until touched.
 *
 * <p>The area is writable inside the sandbox: everything read back is bounded here before use.
 */
final class AbiArea {
    static final int MAGIC = 0x30494241; // "ABI0"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 256;
    static final int RANDOM_CAPACITY = 4096;
    static final int MESSAGE_CAPACITY = 512;
    /**
     * The runtime's private state (abi-native.md §3 budget): packet input 1 MiB + 64 KiB, stdin
     * 128 KiB, output 2 x 64 KiB + 64 KiB, rounded up; untouched pages cost nothing.
     */
    static final int STATE_SIZE = 2 << 20;

    // struct gate_abi_area field offsets (C natural alignment: the u64 after state_size is at 104)
    static final int AREA_SIZE = 8;
    static final int IMPORT_COUNT = 12;
    static final int BINDINGS_OFFSET = 16;
    static final int ARGS_OFFSET = 20;
    static final int ENV_OFFSET = 28;
    static final int MAX_SEND_SIZE = 36;
    static final int TIME_RESOLUTION = 40;
    static final int RANDOM_LIMIT = 48;
    static final int RANDOM_USED = 56;
    static final int RANDOM_OFFSET = 64;
    static final int RANDOM_CAPACITY_FIELD = 68;
    static final int RANDOM_COUNT = 72;
    static final int STOP_REASON = 76;
    static final int EXIT_VALUE = 80;
    static final int MESSAGE_OFFSET = 84;
    static final int MESSAGE_LEN = 88;
    static final int STATE_OFFSET = 92;
    static final int STATE_SIZE_FIELD = 96;
    static final int MONOTONIC_BASE = 104;

    /** The configuration as written at creation; null after {@link #create} (not kept per instance). */
    private byte[] image;
    private final int size;
    private final int randomOffset;
    private final int messageOffset;
    private final AbiConfig config;

    private AbiArea(byte[] image, int randomOffset, int messageOffset, AbiConfig config) {
        this.image = image;
        this.size = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(AREA_SIZE);
        this.randomOffset = randomOffset;
        this.messageOffset = messageOffset;
        this.config = config;
    }

    /**
     * The area for a program whose imported function {@code k} has number {@code bindings[k]},
     * or null when it does not fit in {@link StateLayout#MAX_ABI_SIZE} or a string holds a NUL
     * byte (the C side cannot tell it from the terminator): such an instance uses the host path.
     */
    static AbiArea plan(int[] bindings, AbiConfig config, long monotonicBase) {
        byte[] args = strings(config.args());
        byte[] envBytes = strings(config.environment());
        if (args == null || envBytes == null) {
            return null;
        }
        long at = HEADER_SIZE;
        long bindingsAt = at;
        at = align(at + 2L * bindings.length, 8);
        long argsAt = at;
        at = align(at + args.length, 8);
        long envAt = at;
        at = align(at + envBytes.length, 8);
        long randomAt = at;
        at += RANDOM_CAPACITY;
        long messageAt = at;
        at = align(at + MESSAGE_CAPACITY, StateLayout.PAGE);
        long stateAt = at;
        long size = stateAt + STATE_SIZE;
        if (size > StateLayout.MAX_ABI_SIZE) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) stateAt).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, MAGIC).putInt(4, VERSION).putInt(AREA_SIZE, (int) size).putInt(IMPORT_COUNT, bindings.length);
        b.putInt(BINDINGS_OFFSET, (int) bindingsAt);
        b.putInt(ARGS_OFFSET, (int) argsAt).putInt(ARGS_OFFSET + 4, args.length);
        b.putInt(ENV_OFFSET, (int) envAt).putInt(ENV_OFFSET + 4, envBytes.length);
        b.putInt(MAX_SEND_SIZE, config.maxSendSize());
        b.putLong(TIME_RESOLUTION, config.timeResolutionNanos());
        b.putLong(RANDOM_LIMIT, config.randomLimit());
        b.putInt(RANDOM_OFFSET, (int) randomAt).putInt(RANDOM_CAPACITY_FIELD, RANDOM_CAPACITY);
        b.putInt(MESSAGE_OFFSET, (int) messageAt);
        b.putInt(STATE_OFFSET, (int) stateAt).putInt(STATE_SIZE_FIELD, STATE_SIZE);
        b.putLong(MONOTONIC_BASE, monotonicBase);
        for (int k = 0; k < bindings.length; k++) {
            b.putShort((int) bindingsAt + 2 * k, (short) bindings[k]);
        }
        b.put((int) argsAt, args);
        b.put((int) envAt, envBytes);
        return new AbiArea(b.array(), (int) randomAt, (int) messageAt, config);
    }

    /** Bytes of the area (a page multiple): its place in the {@link StateLayout}. */
    int size() {
        return size;
    }

    /** The configuration part as written at creation (tests compare it with the C reading). */
    byte[] image() {
        return image.clone();
    }

    /** Writes the configuration and a first random pool into a new state memfd. */
    void create(StateFile state) throws IOException {
        state.fd().pwriteFully(image, state.layout().abiOffset());
        image = null;
        refill(state, 0);
    }

    /** Zeroes the stop reason before a start (the runtime sets it when a run ends in the ABI). */
    void beforeStart(StateFile state) throws IOException {
        state.fd().pwriteFully(new byte[4], state.layout().abiOffset() + STOP_REASON);
    }

    /** How the last run ended inside the ABI, as the runtime left the area (bounded). */
    AbiStop readStop(StateFile state) throws IOException {
        long base = state.layout().abiOffset();
        byte[] header = new byte[HEADER_SIZE];
        state.fd().preadFully(header, base);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int reason = b.getInt(STOP_REASON);
        int exitValue = b.getInt(EXIT_VALUE);
        int length = Math.min(Math.max(b.getInt(MESSAGE_LEN), 0), MESSAGE_CAPACITY);
        String message = "";
        if (length > 0) {
            byte[] text = new byte[length];
            state.fd().preadFully(text, base + messageOffset);
            message = new String(text, StandardCharsets.UTF_8);
        }
        return new AbiStop(reason, exitValue, message, b.getLong(RANDOM_USED));
    }

    /**
     * Fills the random pool from {@link AbiConfig#random()} (abi-native.md §6, stop RANDOM): as
     * many bytes as fit, but no more than the limit leaves after {@code used} bytes handed out.
     */
    void refill(StateFile state, long used) throws IOException {
        long left = Math.max(0, config.randomLimit() - Math.max(0, used));
        byte[] pool = new byte[(int) Math.min(RANDOM_CAPACITY, left)];
        config.random().nextBytes(pool);
        long base = state.layout().abiOffset();
        state.fd().pwriteFully(pool, base + randomOffset);
        byte[] count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(pool.length).array();
        state.fd().pwriteFully(count, base + RANDOM_COUNT);
    }

    /** {@code u32 count} then the strings NUL-terminated back to back; null if one holds a NUL. */
    private static byte[] strings(List<String> strings) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(strings.size()).array());
        for (String s : strings) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            for (byte x : utf8) {
                if (x == 0) {
                    return null;
                }
            }
            out.writeBytes(utf8);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static long align(long value, int to) {
        return (value + to - 1) & -(long) to;
    }
}
