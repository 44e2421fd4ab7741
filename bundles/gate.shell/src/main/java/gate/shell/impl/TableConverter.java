package gate.shell.impl;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats Gate's command results for the Gogo shell, which otherwise inspects unknown objects
 * field by field. Disabled by default: {@link ServiceCommands} enables it only when Gogo's
 * packages are wired, since this class cannot even load without them. Stateless and thread-safe.
 */
@Component(service = Converter.class, enabled = false)
public final class TableConverter implements Converter {
    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (!(target instanceof ServiceTable table)) {
            return null;
        }
        return level == PART ? table.rows().size() + " services" : TableFormatter.format(table);
    }
}
