package gate.runtime.command;

import gate.broker.ServiceDirectory;
import gate.engine.Engine;
import gate.runtime.InstanceRunner;
import gate.runtime.RunCommand;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code gate run} inside the platform: the launcher looks this service up by its {@code
 * gate.command=run} property and calls it with the arguments after {@code run}. Its type is a JDK
 * interface so that the launcher, outside the framework, can call it without sharing a class.
 * The program's origin is the process's standard input and output, its debug output goes to
 * standard error.
 */
@Component(service = ToIntFunction.class, property = "gate.command=run")
public final class RunComponent implements ToIntFunction<String[]> {
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();
    private final ExecutorService serviceExecutor = InstanceRunner.newServiceExecutor();
    private final RunCommand command;

    @Activate
    public RunComponent(@Reference ServiceDirectory directory) {
        this.command = new RunCommand(() -> Map.copyOf(engines), new InstanceRunner(directory, serviceExecutor));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeEngine")
    void addEngine(Engine engine, Map<String, Object> properties) {
        engines.put(String.valueOf(properties.getOrDefault("gate.engine.name", engine.name())), engine);
    }

    void removeEngine(Engine engine, Map<String, Object> properties) {
        engines.remove(String.valueOf(properties.getOrDefault("gate.engine.name", engine.name())), engine);
    }

    @Deactivate
    void deactivate() {
        serviceExecutor.shutdownNow();
    }

    @Override
    public int applyAsInt(String[] args) {
        try {
            // The raw descriptors: System.out may be wrapped by whoever launched us; the program's
            // bytes must reach the terminal unchanged.
            return command.run(List.of(args), new FileInputStream(FileDescriptor.in),
                    new FileOutputStream(FileDescriptor.out), System.err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return gate.runtime.ExitCodes.TRAP;
        }
    }
}
