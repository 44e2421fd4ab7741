package gate.console;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * {@code ssh host COMMAND}: runs one Gogo command line in a new session and exits 0, or 1 if it
 * failed. The result is printed the way Gogo's console prints it, errors as {@code gogo: Type:
 * message} on standard error.
 */
final class GogoExec implements Command, Runnable {

    private final CommandProcessor processor;
    private final String commandLine;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    GogoExec(CommandProcessor processor, String commandLine) {
        this.processor = processor;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        thread = new Thread(this, "gate.console exec");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        var stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        var stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = 0;
        try (CommandSession session = processor.createSession(in, stdout, stderr)) {
            Object result = session.execute(commandLine);
            if (result != null) {
                stdout.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            stderr.println("gogo: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            status = 1;
        }
        stdout.flush();
        stderr.flush();
        exit.onExit(status);
    }

    @Override
    public void destroy(ChannelSession channel) {
        // The client went away: ask a command that is still running to stop.
        if (thread != null) {
            thread.interrupt();
        }
    }
}
