package gate.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
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

/** A platform without a shell: gate.shell's Gogo import is optional, so it must still work. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WithoutGogoTest extends GateTestSupport {
    @Configuration
    public Option[] configuration() {
        return options(GateOptions.coreWithoutShell("without-gogo"));
    }

    @Test
    public void theShellBundleStartsAndKeepsItsConverterDisabled() throws Exception {
        Bundle shell = Arrays.stream(context.getBundles())
                .filter(b -> "gate.shell".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, shell.getState());
        ServiceComponentRuntime scr = context.getService(context.getServiceReference(ServiceComponentRuntime.class));
        ComponentDescriptionDTO commands = scr.getComponentDescriptionDTO(shell, "gate.shell.impl.ServiceCommands");
        assertNotNull(commands);
        Await.until(() -> scr.getComponentConfigurationDTOs(commands).stream()
                .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE), "the commands component is active");
        ComponentDescriptionDTO converter = scr.getComponentDescriptionDTO(shell, "gate.shell.impl.TableConverter");
        assertFalse("the converter cannot load without Gogo, so it stays disabled", scr.isComponentEnabled(converter));
        Await.catalog(catalog, Await.listing("catalog"), "the catalog is listed");
    }
}
