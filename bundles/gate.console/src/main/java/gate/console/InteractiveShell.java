package gate.console;

import org.apache.felix.service.command.CommandSession;

/**
 * Runs an interactive shell on a session whose {@code .terminal} variable holds the terminal,
 * until the user leaves it.
 */
@FunctionalInterface
public interface InteractiveShell {

    /**
     * Runs the shell on the calling thread.
     *
     * @param session the session; its streams are the terminal's
     * @throws Exception whatever the shell could not handle
     */
    void run(CommandSession session) throws Exception;
}
