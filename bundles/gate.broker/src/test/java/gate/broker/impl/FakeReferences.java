package gate.broker.impl;

import gate.api.InstanceConfig;
import gate.api.Service;
import gate.api.ServiceInstance;
import java.lang.reflect.Proxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Minimal stand-ins for the OSGi objects the broker reads, so it can be tested without a framework. */
final class FakeReferences {
    private FakeReferences() {}

    @SuppressWarnings("unchecked")
    static ServiceReference<Service> reference(long serviceId, long bundleId, String symbolicName) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(FakeReferences.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> bundleId;
                    case "getSymbolicName" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<Service>) Proxy.newProxyInstance(FakeReferences.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? serviceId : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Service service(String name, String revision) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String revision() {
                return revision;
            }

            @Override
            public ServiceInstance createInstance(InstanceConfig config, byte[] state) {
                throw new UnsupportedOperationException("not needed by the broker's registry tests");
            }
        };
    }
}
