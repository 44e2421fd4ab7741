package gate.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An SSH server on the loopback interface whose shell and exec channels run Gogo commands. Only
 * public-key authentication is offered.
 */
public final class SshConsoleServer implements AutoCloseable {

    private final SshServer sshd;

    private SshConsoleServer(SshServer sshd) {
        this.sshd = sshd;
    }

    /**
     * Starts a server.
     *
     * @param port the port to listen on, or 0 for any free port
     * @param authorizedKeys the OpenSSH authorized_keys file
     * @param hostKey where the host key is kept; generated there on first start
     * @param processor the Gogo command processor that runs the commands
     * @param shell the interactive shell of sessions that ask for one
     * @throws IOException if the port cannot be bound or the host key cannot be kept
     */
    public static SshConsoleServer start(
            int port, Path authorizedKeys, Path hostKey, CommandProcessor processor, InteractiveShell shell)
            throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(ConsoleSettings.HOST);
        sshd.setPort(port);
        var keys = new SimpleGeneratorHostKeyProvider(hostKey);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM); // fast to generate, accepted by every OpenSSH
        sshd.setKeyPairProvider(keys);
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        sshd.setPublickeyAuthenticator(new AuthorizedKeys(authorizedKeys));
        sshd.setShellFactory(channel -> new GogoShell(processor, shell));
        sshd.setCommandFactory((channel, command) -> new GogoExec(processor, command));
        sshd.start();
        return new SshConsoleServer(sshd);
    }

    /** The port the server listens on. */
    public int port() {
        return sshd.getPort();
    }

    /** Closes the listener and every session at once. */
    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
