package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built distribution ({@code target/gate}) as a user would: {@code bin/gate serve}, the
 * HTTP API, the SSH console, a bad configuration file, and SIGTERM. Each test works on a copy with
 * free ports, so it can run beside a platform that is already up.
 */
class DistributionIT {

    private static final Duration WAIT = Duration.ofSeconds(RunningGate.WAIT_SECONDS);

    @TempDir
    Path tmp;

    private Path dist;
    private int httpPort;

    @BeforeEach
    void copyDistribution() throws IOException {
        Path built = Path.of(System.getProperty("gate.dist", "target/gate"));
        assertTrue(Files.isExecutable(built.resolve("bin/gate")), "no distribution at " + built);
        dist = tmp.resolve("gate");
        copyTree(built, dist);
        // Leftovers of manual runs in target/gate must not change what the tests see.
        Files.deleteIfExists(dist.resolve("etc/gate.console.cfg"));
        try (Stream<Path> deployed = Files.list(dist.resolve("deploy"))) {
            for (Path p : (Iterable<Path>) deployed::iterator) {
                Files.delete(p);
            }
        }
        httpPort = freePort();
        Files.writeString(dist.resolve("etc/org.apache.felix.http.cfg"),
                "org.apache.felix.http.host=127.0.0.1\norg.osgi.service.http.port=" + httpPort + "\n");
    }

    @AfterEach
    void removeCopy() throws IOException {
        try (Stream<Path> files = Files.walk(dist)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void servesTheApiAndStopsCleanlyOnSigterm() throws Exception {
        try (RunningGate gate = RunningGate.start(dist)) {
            String ready = gate.awaitOut(line -> line.startsWith("gate: HTTP listening on "));
            String base = "http://127.0.0.1:" + httpPort + "/gate-0/";
            assertEquals("gate: HTTP listening on " + base, ready);

            HttpResponse<String> root = get(base);
            assertEquals(200, root.statusCode());
            assertEquals("{}", root.body());
            assertEquals("gate", root.headers().firstValue("Server").orElse(""));
            assertEquals("{\"scope\":[\"program:system\"]}", get(base + "?feature=scope").body());
            assertEquals(400, get(base + "?feature=scope&x=1").statusCode());

            assertEquals(0, gate.terminate());
            assertEquals(1, gate.outLines().stream().filter(l -> l.contains("HTTP listening")).count());
        }
    }

    @Test
    void sshConsoleRunsGogoCommands() throws Exception {
        KeyPair key = newKey();
        int sshPort = freePort();
        Files.writeString(dist.resolve("etc/authorized_keys"), PublicKeyEntry.toString(key.getPublic()) + " it\n");
        Files.writeString(dist.resolve("etc/gate.console.cfg"), "port=" + sshPort + "\n");
        try (RunningGate gate = RunningGate.start(dist)) {
            gate.awaitErr(line -> line.contains("SSH console on 127.0.0.1:" + sshPort));
            var client = SshClient.setUpDefaultClient();
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", sshPort).verify(WAIT).getSession()) {
                session.addPublicKeyIdentity(key);
                session.auth().verify(WAIT);
                String listing = exec(session, "lb -s gate.console");
                assertTrue(listing.contains("Active") && listing.contains("gate.console"), listing);

                // Both engines are registered; the native one starts its container only when first
                // used, so its component is not activated yet and the platform has no child process.
                String engines = exec(session, "scr:list");
                assertTrue(engines.contains("gate.interp.InterpreterEngine"), engines);
                assertTrue(engines.contains("gate.executor.NativeEngine"), engines);
                String nativeEngine = exec(session, "scr:info gate.executor.NativeEngine");
                assertTrue(nativeEngine.contains("gate.engine.name<String> = native"), nativeEngine);
                assertTrue(nativeEngine.contains("State:        SATISFIED"), nativeEngine);
                assertEquals(List.of(), gate.childProcesses(), "processes started by the platform");
            } finally {
                client.stop();
            }
            assertEquals(0, gate.terminate());
        }
    }

    /** Runs a Gogo command over SSH and returns its output; the command must succeed. */
    private static String exec(ClientSession session, String command) throws IOException {
        var out = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(WAIT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            assertEquals(0, channel.getExitStatus(), command + ": " + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badPortIsReportedAndHttpKeepsServing() throws Exception {
        try (RunningGate gate = RunningGate.start(dist)) {
            gate.awaitOut(line -> line.startsWith("gate: HTTP listening on "));
            Path cfg = dist.resolve("etc/org.apache.felix.http.cfg");
            Files.writeString(cfg, "org.apache.felix.http.host=127.0.0.1\norg.osgi.service.http.port=notanumber\n");
            String report = gate.awaitErr(line -> line.contains("notanumber"));
            assertTrue(report.contains(cfg.toString()) && report.contains("is not a port number"), report);
            assertEquals(200, get("http://127.0.0.1:" + httpPort + "/gate-0/").statusCode());
            assertEquals(0, gate.terminate());
        }
    }

    @Test
    void helpAndUnknownCommands() throws Exception {
        var help = runGate("help");
        assertEquals(0, help.exitValue());
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: gate COMMAND") && usage.contains("serve") && usage.contains("spectest"), usage);

        var unknown = runGate("frobnicate");
        assertEquals(2, unknown.exitValue());
        assertEquals("gate: unknown command 'frobnicate' (try 'gate help')\n",
                new String(unknown.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The plain class path of lib/ carries each engine's dependencies (the native engine needs gate.abi). */
    @Test
    void benchRunsBothEnginesSideBySide() throws Exception {
        String fib = Path.of("../testdata/bench/fib.wasm").toAbsolutePath().normalize().toString();
        var bench = runGate("bench", fib, "--engines", "native,interp", "--runs", "1");
        String out = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bench.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bench.exitValue(), err);
        assertTrue(out.contains("fib.wasm engine=native compile_ms=") && out.contains("fib.wasm engine=interp"), out);
        assertTrue(out.contains("| kernel | native ms | interp ms | interp/native |"), out);
    }

    private Process runGate(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(dist.resolve("bin/gate").toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(RunningGate.WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/gate " + String.join(" ", args) + " did not finish");
        }
        return process;
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(WAIT).build();
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static KeyPair newKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(source);
                if (rel.startsWith("data")) {
                    continue; // another run's framework cache
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
