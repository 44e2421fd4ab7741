package gate.abi;

import gate.api.Packet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the host decides about one program's ABI.
 *
 * @param args the complete argv, argv[0] included (conventionally the program's name)
 * @param env environment entries {@code NAME=value} that follow the three {@code GATE_*} ones
 * @param timeResolutionNanos clocks are rounded down to a multiple of this (at least 1): coarse
 *     clocks make timing attacks harder, and {@code clock_res_get} reports it
 * @param random the source of {@code random_get}
 * @param randomLimit most bytes {@code random_get} hands out over the ABI's life; beyond it the call
 *     ends with an ABI deficiency instead of lying (reference §3.7 limits it to 16 bytes)
 * @param maxSendSize the largest packet the program may send, header included; at most {@value
 *     Packet#MAX_SIZE}
 */
public record AbiConfig(
        List<String> args,
        List<String> env,
        long timeResolutionNanos,
        Random random,
        long randomLimit,
        int maxSendSize) {

    /** One millisecond: fine enough for programs, coarse against timing side channels. */
    public static final long DEFAULT_TIME_RESOLUTION_NANOS = 1_000_000;
    /** One MiB per program: enough for seeds and UUIDs, bounded against busy loops on entropy. */
    public static final long DEFAULT_RANDOM_LIMIT = 1 << 20;

    public AbiConfig {
        args = List.copyOf(args);
        env = List.copyOf(env);
        if (timeResolutionNanos < 1) {
            throw new IllegalArgumentException("time resolution must be at least 1 ns");
        }
        if (randomLimit < 0) {
            throw new IllegalArgumentException("negative random limit");
        }
        if (maxSendSize < 16 || maxSendSize > Packet.MAX_SIZE) {
            throw new IllegalArgumentException("max send size must be in [16, " + Packet.MAX_SIZE + "]");
        }
        if (random == null) {
            throw new IllegalArgumentException("no random source");
        }
    }

    /** Defaults with these arguments: no extra env, 1 ms clocks, SecureRandom, 1 MiB, 65536. */
    public static AbiConfig of(List<String> args) {
        return new AbiConfig(args, List.of(), DEFAULT_TIME_RESOLUTION_NANOS, new SecureRandom(),
                DEFAULT_RANDOM_LIMIT, Packet.MAX_SIZE);
    }

    /**
     * The environment the program sees: the three Gate variables (reference §3.7), then {@link
     * #env()}. Every engine's ABI serves exactly this list.
     */
    public List<String> environment() {
        var all = new ArrayList<String>(3 + env.size());
        all.add("GATE_ABI_VERSION=0");
        all.add("GATE_FD=" + GateImports.PACKET_FD);
        all.add("GATE_MAX_SEND_SIZE=65536");
        all.addAll(env);
        return List.copyOf(all);
    }

    /** This configuration with extra environment entries. */
    public AbiConfig withEnv(List<String> extra) {
        return new AbiConfig(args, extra, timeResolutionNanos, random, randomLimit, maxSendSize);
    }
}
