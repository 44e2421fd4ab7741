package gate.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The SSH console as a DS component: runs while configuration {@value ConsoleSettings#PID} exists
 * and sets a port (e.g. {@code etc/gate.console.cfg} with {@code port=8101}). A change of the
 * configuration restarts it; an unusable value is reported in one log line naming the file, and
 * the console stays off until the file is fixed.
 */
@Component(configurationPid = ConsoleSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
public class SshConsole {

    private static final Logger LOG = Logger.getLogger("gate.console");
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final SshConsoleServer server;

    /** Gogo's jline shell, as the platform terminal runs it; sessions never stop the framework. */
    private static final String[] SHELL_ARGS = {"--login", "--noshutdown"};

    @Activate
    public SshConsole(@Reference CommandProcessor processor, @Reference Shell shell, Map<String, Object> config) {
        server = start(processor, session -> shell.gosh(session, SHELL_ARGS.clone()), config);
    }

    @Deactivate
    void deactivate() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static SshConsoleServer start(
            CommandProcessor processor, InteractiveShell shell, Map<String, Object> config) {
        String source = source(config);
        try {
            ConsoleSettings settings = ConsoleSettings.parse(config, home());
            if (settings == null) {
                LOG.info(source + ": no " + ConsoleSettings.PORT + " set; SSH console off");
                return null;
            }
            var server = SshConsoleServer.start(
                    settings.port(), settings.authorizedKeys(), settings.hostKey(), processor, shell);
            LOG.info("SSH console on " + ConsoleSettings.HOST + ":" + server.port() + ", keys from "
                    + settings.authorizedKeys());
            return server;
        } catch (ConsoleSettings.BadSettingException e) {
            LOG.warning(source + ": " + e.getMessage() + "; SSH console off");
        } catch (IOException | RuntimeException e) {
            LOG.warning(source + ": cannot start the SSH console: " + e.getMessage());
        }
        return null;
    }

    /** The distribution folder (set by bin/gate), else the working directory. */
    private static Path home() {
        return Path.of(System.getProperty("gate.home", ".")).toAbsolutePath();
    }

    private static String source(Map<String, Object> config) {
        Object file = config.get(FILEINSTALL_FILENAME);
        if (file == null) {
            return "configuration " + ConsoleSettings.PID;
        }
        String name = String.valueOf(file);
        return name.startsWith("file:") ? name.substring("file:".length()) : name;
    }
}
