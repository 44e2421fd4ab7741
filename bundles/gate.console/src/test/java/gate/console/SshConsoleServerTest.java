package gate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a real console over SSH with the SSHD client: exec channel, key checks, host key. */
class SshConsoleServerTest {

    /** Generous bound on network waits; the assertions do not depend on timing. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Commands of the test scope. */
    public static final class TestCommands {
        public String greet(String name) {
            return "hello " + name;
        }

        public void fail() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** These tests use exec channels only. */
    private static final InteractiveShell NO_SHELL = session -> {
        throw new UnsupportedOperationException("no interactive shell in this test");
    };

    @TempDir
    Path dir;

    private ThreadIOImpl threadIO;
    private SshConsoleServer server;
    private SshClient client;
    private KeyPair allowed;
    private CommandProcessorImpl processor;

    @BeforeEach
    void start() throws Exception {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        var commands = new TestCommands();
        processor.addCommand("test", commands, "greet");
        processor.addCommand("test", commands, "fail");

        allowed = newKey();
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(authorizedKeys, "# console users\n" + PublicKeyEntry.toString(allowed.getPublic()) + " admin@test\n");
        server = SshConsoleServer.start(0, authorizedKeys, dir.resolve("host.ser"), processor, NO_SHELL);

        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.close();
        threadIO.stop();
    }

    @Test
    void execRunsOneCommandAndPrintsItsResult() throws Exception {
        var result = exec(allowed, "test:greet world");
        assertEquals("hello world\n", result.out());
        assertEquals("", result.err());
        assertEquals(0, result.status());
    }

    @Test
    void failingCommandExitsWithOneAndSaysWhy() throws Exception {
        var result = exec(allowed, "test:fail");
        assertEquals("", result.out());
        assertEquals("gogo: IllegalStateException: broken on purpose\n", result.err());
        assertEquals(1, result.status());
    }

    @Test
    void unknownCommandExitsWithOne() throws Exception {
        var result = exec(allowed, "test:nonexistent");
        assertEquals(1, result.status());
    }

    @Test
    void keyNotInTheFileIsRefused() throws Exception {
        assertThrows(SshException.class, () -> exec(newKey(), "test:greet intruder"));
    }

    @Test
    void hostKeyIsKeptForTheNextStart() throws Exception {
        var seen = new ArrayList<PublicKey>();
        client.setServerKeyVerifier((session, address, key) -> seen.add(key));
        exec(allowed, "test:greet first");
        server.close();
        server = SshConsoleServer.start(0, dir.resolve("authorized_keys"), dir.resolve("host.ser"), processor, NO_SHELL);
        exec(allowed, "test:greet second");
        assertEquals(2, seen.size());
        assertTrue(KeyUtils.compareKeys(seen.get(0), seen.get(1)), "host key changed across restarts");
    }

    private record Result(String out, String err, int status) {}

    private Result exec(KeyPair key, String command) throws Exception {
        try (ClientSession session = client.connect("admin", "127.0.0.1", server.port()).verify(WAIT).getSession()) {
            session.addPublicKeyIdentity(key);
            session.auth().verify(WAIT);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(WAIT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
                return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        channel.getExitStatus());
            }
        }
    }

    private static KeyPair newKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
