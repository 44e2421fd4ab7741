package gate.shell.impl;

import gate.api.admin.BrokerAdmin;
import java.lang.System.Logger.Level;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands about Gate's services (scope {@code gate}). Commands return DTOs; {@link
 * TableConverter} formats them for the shell.
 *
 * <p>The Gogo import is optional: without Gogo nobody calls these methods, the {@code @Descriptor}
 * annotations are simply absent at run time, and the converter component stays disabled.
 * Thread-safe: stateless apart from the final broker reference.
 */
@Component(
        service = ServiceCommands.class,
        // Immediate, so the converter is enabled before the first command result needs formatting.
        immediate = true,
        property = {"osgi.command.scope=gate", "osgi.command.function=services"})
public final class ServiceCommands {
    private static final System.Logger LOG = System.getLogger("gate.shell");
    private static final String GOGO_CONVERTER = "org.apache.felix.service.command.Converter";

    private final BrokerAdmin broker;

    @Activate
    public ServiceCommands(@Reference(name = "broker") BrokerAdmin broker, ComponentContext context) {
        this.broker = broker;
        if (gogoAvailable()) {
            context.enableComponent(TableConverter.class.getName());
        } else {
            LOG.log(Level.DEBUG, "Gogo is not wired to gate.shell; the table converter stays disabled");
        }
    }

    /** {@code gate:services}: every registered service with its state. */
    @Descriptor("lists the registered Gate services: name, revision, providing bundle, and state"
            + " (active, or rejected with the reason)")
    public ServiceTable services(
            @Descriptor("list only the rejected services")
            @Parameter(names = {"-r", "--rejected"}, presentValue = "true", absentValue = "false")
            boolean rejectedOnly) {
        List<ServiceRow> rows = broker.providers().stream()
                .map(ServiceRow::of)
                .filter(row -> !rejectedOnly || row.state().equals("rejected"))
                .toList();
        return new ServiceTable(rows);
    }

    private static boolean gogoAvailable() {
        try {
            Class.forName(GOGO_CONVERTER, false, ServiceCommands.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
