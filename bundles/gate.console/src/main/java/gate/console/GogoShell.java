package gate.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * An interactive SSH session: the same Gogo shell as the platform's terminal (Gogo's jline shell
 * with {@code etc/gosh_profile}), on a jline terminal over the channel's streams. {@code exit} or
 * Ctrl-D ends the session, never the platform.
 */
final class GogoShell implements Command, Runnable {

    private static final Logger LOG = Logger.getLogger("gate.console");

    /** The session variable where Gogo's jline shell finds its terminal. */
    private static final String TERMINAL_VARIABLE = ".terminal";

    private final CommandProcessor processor;
    private final InteractiveShell shell;
    private InputStream in;
    private SessionOutput out;
    private ExitCallback exit;
    private Terminal terminal;
    private Thread thread;

    GogoShell(CommandProcessor processor, InteractiveShell shell) {
        this.processor = processor;
        this.shell = shell;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = new SessionOutput(out);
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // A terminal has one output stream; Gogo writes errors there too.
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        terminal = openTerminal(env);
        env.addSignalListener((ch, signal) -> resize(env), Signal.WINCH);
        thread = new Thread(this, "gate.console shell");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        int status = 0;
        try (CommandSession session =
                processor.createSession(terminal.input(), terminal.output(), terminal.output())) {
            session.put(TERMINAL_VARIABLE, terminal);
            // Called directly, not through session.execute(): as a job of its own session the
            // shell would wait for itself to finish after the first command.
            shell.run(session);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "SSH shell session failed: " + e.getMessage(), e);
            status = 1;
        } finally {
            closeTerminal();
        }
        exit.onExit(status);
    }

    @Override
    public void destroy(ChannelSession channel) {
        closeTerminal();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private Terminal openTerminal(Environment env) throws IOException {
        // A terminal with jline's own line discipline over the channel's streams: no OS pty per
        // session, and no terminal-provider lookup, which fails inside OSGi (pitfall P7).
        Terminal t = new ExternalTerminal(
                "gate", env.getEnv().getOrDefault(Environment.ENV_TERM, "vt100"), in, out, StandardCharsets.UTF_8);
        t.setSize(size(env));
        return t;
    }

    private void resize(Environment env) {
        Terminal t = terminal;
        if (t != null) {
            t.setSize(size(env));
            t.raise(Terminal.Signal.WINCH);
        }
    }

    private static Size size(Environment env) {
        return new Size(number(env, Environment.ENV_COLUMNS, 80), number(env, Environment.ENV_LINES, 24));
    }

    private static int number(Environment env, String name, int fallback) {
        try {
            int n = Integer.parseInt(env.getEnv().getOrDefault(name, ""));
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void closeTerminal() {
        out.end();
        Terminal t = terminal;
        if (t != null) {
            try {
                t.close();
            } catch (IOException e) {
                // The channel is going away; nothing left to tell.
            }
        }
    }
}
