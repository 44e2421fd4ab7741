package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.abi.AbiConfig;
import gate.api.Packet;
import gate.engine.InstanceLimits;
import gate.service.origin.OriginConnection;
import gate.service.origin.OriginService;
import gate.service.origin.StdioService;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Figures, not timed assertions (the machine is shared): how long an instance takes from the run
 * request ({@link InstanceRunner#start}, module bytes in hand, program cached, a pre-spawned
 * process waiting) to its first instruction, which reads the realtime clock through the ABI
 * (on the native engine inside the sandbox, unless {@code -Dgate.native.abi=host} sends it to the
 * JVM as a host call), and to the end of the run. The platform's own path: a program already
 * loaded (or decode, validate and a compile-cache hit), session, ABI, instantiate.
 * {@code -Dgate.bench.starts=N} runs (default 300) after {@code -Dgate.bench.warmup=N} (default
 * 2000): a running platform has started many instances, and after only 200 the JIT had not yet
 * compiled the start path (native median 0.9-1.4 ms against 0.7-0.75 ms over 3000 runs, same
 * build and window, 2026-11-22).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {TestEngines.NATIVE, TestEngines.INTERP})
class StartFiguresTest {
    private static final TestEngines ENGINES = new TestEngines();

    @Parameter
    String engine;

    @AfterAll
    static void closeEngines() {
        ENGINES.close();
    }

    @Test
    void printStartLatency() throws Exception {
        byte[] wasm;
        try (InputStream in = getClass().getResourceAsStream("stamp.wasm")) {
            wasm = in.readAllBytes();
        }
        int runs = Integer.getInteger("gate.bench.starts", 300);
        ExecutorService services = InstanceRunner.newServiceExecutor();
        try {
            InstanceRunner runner = new InstanceRunner(new MapDirectory(), services);
            int warmup = Integer.getInteger("gate.bench.warmup", 2000);
            for (int k = 0; k < warmup; k++) {
                Thread.sleep(2);
                run(runner, wasm); // warm-up: JIT, compile cache, process pool
            }
            double[] first = new double[runs];
            double[] whole = new double[runs];
            for (int k = 0; k < runs; k++) {
                Thread.sleep(2); // the container refills its pool after 1 ms of quiet
                long[] t = run(runner, wasm);
                first[k] = t[0] / 1e3;
                whole[k] = t[1] / 1e3;
            }
            Arrays.sort(first);
            Arrays.sort(whole);
            System.out.printf("gate.runtime figures (%s): run request -> first instruction, %d runs: median %.0f us,"
                    + " p99 %.0f us; request -> run ended: median %.0f us, p99 %.0f us%n", engine, runs,
                    first[runs / 2], first[runs * 99 / 100], whole[runs / 2], whole[runs * 99 / 100]);
        } finally {
            services.shutdownNow();
        }
    }

    /** One run: [request to the program's clock read, request to the end of the run] in ns. */
    private long[] run(InstanceRunner runner, byte[] wasm) throws Exception {
        var out = new ByteArrayOutputStream();
        var connection = new OriginConnection(InputStream.nullInputStream(), out, false);
        // 1 ns clocks: the default 1 ms resolution would hide the figure.
        var abi = new AbiConfig(List.of("stamp"), List.of(), 1, new SecureRandom(), AbiConfig.DEFAULT_RANDOM_LIMIT,
                Packet.MAX_SIZE);
        var launch = new Launch(wasm, ENGINES.get(engine), Launch.START, abi, InstanceLimits.DEFAULT, Map.of(),
                new StdioService(connection, OriginService.DEFAULT_BUFFER_SIZE), bytes -> {});
        Instant requested = Instant.now();
        long started = System.nanoTime();
        RunStatus status = runner.start(launch).status().get(60, TimeUnit.SECONDS);
        long ended = System.nanoTime() - started;
        assertInstanceOf(RunStatus.Returned.class, status, String.valueOf(status));
        byte[] stamp = out.toByteArray();
        assertEquals(8, stamp.length, "the program writes its clock reading");
        long at = ByteBuffer.wrap(stamp).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long requestedNs = requested.getEpochSecond() * 1_000_000_000L + requested.getNano();
        assertTrue(at >= requestedNs, "the program ran after its request");
        return new long[] {at - requestedNs, ended};
    }
}
