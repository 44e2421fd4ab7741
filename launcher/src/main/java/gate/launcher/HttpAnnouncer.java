package gate.launcher;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Prints the one start-up line that says where Gate's HTTP API listens, once both the servlet
 * runtime (with its endpoint) and Gate's API servlet are registered.
 */
final class HttpAnnouncer implements ServiceListener {

    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";
    private static final String SERVLET = "(osgi.http.whiteboard.servlet.name=gate.http)";
    private static final String API_PATH = "gate-0/";

    private final BundleContext context;
    private final PrintStream out;
    private final AtomicBoolean announced = new AtomicBoolean();

    private HttpAnnouncer(BundleContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    static void watch(BundleContext context, PrintStream out) throws LaunchException {
        var announcer = new HttpAnnouncer(context, out);
        try {
            context.addServiceListener(announcer, "(|(objectClass=" + RUNTIME + ")" + SERVLET + ")");
        } catch (InvalidSyntaxException e) {
            throw new LaunchException("bad service filter", e);
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.UNREGISTERING || announced.get()) {
            return;
        }
        try {
            ServiceReference<?>[] servlets = context.getServiceReferences((String) null, SERVLET);
            ServiceReference<?>[] runtimes = context.getServiceReferences(RUNTIME, null);
            if (servlets == null || runtimes == null) {
                return;
            }
            String endpoint = firstEndpoint(runtimes[0].getProperty(ENDPOINT));
            if (endpoint != null && announced.compareAndSet(false, true)) {
                out.println("gate: HTTP listening on " + endpoint + (endpoint.endsWith("/") ? "" : "/") + API_PATH);
                context.removeServiceListener(this);
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // Constant filters are valid; an invalid context means the framework is stopping.
        }
    }

    private static String firstEndpoint(Object property) {
        if (property instanceof String s) {
            return s;
        }
        if (property instanceof String[] a && a.length > 0) {
            return a[0];
        }
        if (property instanceof Iterable<?> i && i.iterator().hasNext()) {
            return String.valueOf(i.iterator().next());
        }
        return null;
    }
}
