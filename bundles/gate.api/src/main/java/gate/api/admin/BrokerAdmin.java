package gate.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Administrative view of the broker, for shells and consoles. Thread-safe.
 */
@ProviderType
public interface BrokerAdmin {
    /**
     * Every registered {@link gate.api.Service} the broker tracks, listed or rejected, sorted by
     * name and then by service id (an immutable snapshot).
     */
    List<ProviderInfo> providers();
}
