package gate.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gate.api.admin.BrokerAdmin;
import gate.api.admin.ProviderInfo;
import gate.api.admin.ProviderState;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.ComponentContext;
import org.junit.jupiter.api.Test;

class ServiceCommandsTest {
    private static final List<ProviderInfo> PROVIDERS = List.of(
            new ProviderInfo("catalog", "0", 30, 7, "gate.service.catalog", ProviderState.ACTIVE, ""),
            new ProviderInfo("dup", "1", 31, 8, "one", ProviderState.ACTIVE, ""),
            new ProviderInfo("dup", "2", 32, 9, "two", ProviderState.REJECTED,
                    "duplicate service name 'dup', already provided by bundle one [8] (service.id 31)"));

    private final List<String> enabled = new ArrayList<>();
    private final BrokerAdmin broker = () -> PROVIDERS;

    private ServiceCommands commands() {
        ComponentContext context = (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enableComponent")) {
                        enabled.add((String) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ServiceCommands(broker, context);
    }

    @Test
    void listsEveryProviderWithItsStateAndReason() {
        ServiceTable table = commands().services(false);
        assertEquals(3, table.rows().size());
        assertEquals(new ServiceRow("dup", "2", "two [9]", "rejected",
                "duplicate service name 'dup', already provided by bundle one [8] (service.id 31)"), table.rows().get(2));
        assertEquals("active", table.rows().get(0).state());
    }

    @Test
    void filtersRejectedOnes() {
        assertEquals(List.of("two [9]"), commands().services(true).rows().stream().map(ServiceRow::bundle).toList());
    }

    @Test
    void enablesTheConverterWhenGogoIsThere() {
        commands();
        assertEquals(List.of(TableConverter.class.getName()), enabled);
    }

    @Test
    void formatsAlignedColumns() {
        String text = commands().services(false).toString();
        assertEquals("""
                NAME     REVISION  BUNDLE                    STATE     REASON
                catalog  0         gate.service.catalog [7]  active
                dup      1         one [8]                   active
                dup      2         two [9]                   rejected  duplicate service name 'dup', \
                already provided by bundle one [8] (service.id 31)""", text);
    }

    @Test
    void saysSoWhenThereIsNothing() {
        assertEquals("No services are registered.", new ServiceTable(List.of()).toString());
    }

    @Test
    void theConverterFormatsOnlyTables() {
        TableConverter converter = new TableConverter();
        ServiceTable table = commands().services(false);
        assertEquals(table.toString(), converter.format(table, Converter.INSPECT, null));
        assertEquals("3 services", converter.format(table, Converter.PART, null));
        assertNull(converter.format("other", Converter.INSPECT, null));
        assertNull(converter.convert(ServiceTable.class, "x"));
    }
}
