package gate.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import gate.api.ServiceAvailabilityEvent;
import gate.api.ServiceAvailabilityEvent.Kind;
import gate.api.ServiceCatalog;
import gate.api.ServiceInfo;
import gate.api.admin.ProviderInfo;
import gate.api.admin.ProviderState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The broker, the catalog service and the shell in a real Felix with the built bundles; service
 * bundles are installed and uninstalled at run time.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokerTest extends GateTestSupport {
    @Configuration
    public Option[] configuration() {
        return options(GateOptions.core("broker"));
    }

    @Test
    public void everyGateComponentIsEnabledAndSatisfied() throws Exception {
        ServiceComponentRuntime scr = context.getService(context.getServiceReference(ServiceComponentRuntime.class));
        Bundle[] gateBundles = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("gate.")).toArray(Bundle[]::new);
        List<String> names = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(gateBundles)) {
            names.add(description.name);
            // The converter is disabled in its XML and enabled by gate.shell once Gogo is wired.
            Await.until(() -> scr.isComponentEnabled(description), description.name + " is enabled");
            Await.until(() -> scr.getComponentConfigurationDTOs(description).stream()
                    .anyMatch(c -> c.state == ComponentConfigurationDTO.SATISFIED
                            || c.state == ComponentConfigurationDTO.ACTIVE), description.name + " is satisfied");
        }
        assertTrue(names.toString(), names.containsAll(List.of("gate.broker.impl.Broker",
                "gate.service.catalog.CatalogService", "gate.shell.impl.ServiceCommands",
                "gate.shell.impl.TableConverter")));
    }

    @Test
    public void theApiAndTheCatalogServiceDependOnNothingElse() {
        // Service bundles are written against gate.api alone, and gate.api needs only the JDK.
        assertEquals(null, bundle("gate.api").getHeaders().get("Import-Package"));
        assertEquals("gate.api;version=\"[1.0,2)\"", bundle("gate.service.catalog").getHeaders().get("Import-Package"));
    }

    @Test
    public void theCatalogListsTheInstalledServices() throws Exception {
        List<ServiceInfo> services = Await.catalog(catalog, Await.listing("catalog", "0"), "catalog is listed");
        assertEquals(services.stream().sorted().toList(), services);
        assertTrue(catalogServiceReply().contains("catalog"));
    }

    @Test
    public void aServiceInstalledAtRunTimeComesAndGoes() throws Exception {
        Path jar = FixtureBundles.write(Files.createTempDirectory("gate-itest"), "gate.itest.echo", "itest/echo", "1.0");
        Bundle bundle = context.installBundle(jar.toUri().toString());
        bundle.start();
        Await.catalog(catalog, Await.listing("itest/echo", "1.0"), "itest/echo is listed");
        assertTrue(catalogServiceReply().contains("itest/echo"));
        assertEquals(ProviderState.ACTIVE, provider("gate.itest.echo").orElseThrow().state());

        bundle.uninstall();
        Await.catalog(catalog, Await.notListing("itest/echo"), "itest/echo is gone");
        assertFalse(catalogServiceReply().contains("itest/echo"));
        assertTrue(catalogServiceReply().contains("catalog"));
        assertTrue(provider("gate.itest.echo").isEmpty());
    }

    @Test
    public void subscribersSeeEveryAvailabilityChangeInOrder() throws Exception {
        LinkedBlockingQueue<ServiceAvailabilityEvent> events = new LinkedBlockingQueue<>();
        try (ServiceCatalog.Subscription subscription = catalog.subscribe(events::add)) {
            assertEquals(new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("catalog", "0")), next(events));
            Path jar = FixtureBundles.write(Files.createTempDirectory("gate-itest"), "gate.itest.watched", "itest/watched", "2");
            Bundle bundle = context.installBundle(jar.toUri().toString());
            bundle.start();
            assertEquals(new ServiceAvailabilityEvent(Kind.ADDED, new ServiceInfo("itest/watched", "2")), next(events));
            bundle.uninstall();
            assertEquals(new ServiceAvailabilityEvent(Kind.REMOVED, new ServiceInfo("itest/watched", "2")), next(events));
        }
    }

    private static ServiceAvailabilityEvent next(LinkedBlockingQueue<ServiceAvailabilityEvent> events)
            throws InterruptedException {
        ServiceAvailabilityEvent event = events.poll(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no availability event within " + Await.TIMEOUT);
        }
        return event;
    }

    @Test
    public void anInvalidNameIsRejectedWithALogLineAndNothingElseChanges() throws Exception {
        allowWarning("gate.itest.invalid");
        Path jar = FixtureBundles.write(Files.createTempDirectory("gate-itest"), "gate.itest.invalid", "bad name", "1");
        Bundle bundle = context.installBundle(jar.toUri().toString());
        bundle.start();
        Await.until(() -> log.contains(Level.WARNING, "rejected", "gate.itest.invalid", "U+0020"),
                "the broker logs the rejection");
        ProviderInfo rejected = provider("gate.itest.invalid").orElseThrow();
        assertEquals(ProviderState.REJECTED, rejected.state());
        assertTrue(rejected.reason(), rejected.reason().contains("service name contains U+0020"));
        assertTrue(catalog.services().stream().noneMatch(s -> s.name().equals("bad name")));
        assertTrue(catalogServiceReply().contains("catalog"));
        bundle.uninstall();
        Await.until(() -> provider("gate.itest.invalid").isEmpty(), "the rejected provider is forgotten");
    }

    @Test
    public void aDuplicateIsRejectedAndTakesOverWhenTheHolderGoes() throws Exception {
        allowWarning("duplicate service name 'catalog'");
        Bundle catalogBundle = bundle("gate.service.catalog");
        Path jar = FixtureBundles.write(Files.createTempDirectory("gate-itest"), "gate.itest.dup", "catalog", "fixture");
        Bundle duplicate = context.installBundle(jar.toUri().toString());
        duplicate.start();
        Await.until(() -> log.contains(Level.WARNING, "gate.itest.dup",
                "duplicate service name 'catalog', already provided by bundle gate.service.catalog"),
                "the broker logs the duplicate");
        assertEquals(ProviderState.REJECTED, provider("gate.itest.dup").orElseThrow().state());
        assertEquals(List.of(new ServiceInfo("catalog", "0")),
                catalog.services().stream().filter(s -> s.name().equals("catalog")).toList());

        catalogBundle.stop();
        Await.catalog(catalog, Await.listing("catalog", "fixture"), "the duplicate takes over");
        catalogBundle.start();
        Await.until(() -> provider("gate.service.catalog").map(p -> p.state() == ProviderState.REJECTED).orElse(false),
                "the restarted catalog waits as a duplicate");

        duplicate.uninstall();
        Await.catalog(catalog, Await.listing("catalog", "0"), "the catalog bundle holds the name again");
        assertTrue(catalogServiceReply().contains("catalog"));
    }

    @Test
    public void theShellListsServicesAndDocumentsTheCommand() throws Exception {
        CommandProcessor processor = context.getService(context.getServiceReference(CommandProcessor.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Await.until(() -> catalog.services().stream().anyMatch(s -> s.name().equals("catalog")), "catalog listed");
            Object result = session.execute("gate:services");
            String table = session.format(result, Converter.INSPECT).toString();
            assertTrue(table, table.startsWith("NAME"));
            assertTrue(table, table.contains("catalog") && table.contains("gate.service.catalog [") && table.contains("active"));

            // gogo.command's help returns its text when run inside a session (rather than printing it).
            Object helpResult = session.execute("help gate:services");
            print.flush();
            String help = out.toString(StandardCharsets.UTF_8)
                    + (helpResult == null ? "" : session.format(helpResult, Converter.INSPECT));
            assertTrue(help, help.contains("lists the registered Gate services"));
            assertTrue(help, help.contains("list only the rejected services"));
        } finally {
            session.close();
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
