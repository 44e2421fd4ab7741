package gate.http.config;

import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Checks the HTTP host and port before Config Admin hands them to Felix HTTP Jetty. A rejected
 * value gets one log line naming the file and the reason, and is replaced by the last good value
 * (initially {@link HttpSettings#DEFAULT}), so the platform keeps serving where it did.
 *
 * <p>It also switches HTTP on unless the configuration says otherwise: the launcher keeps Jetty
 * off until this configuration arrives, so that Jetty starts once, where it was asked to.
 */
@Component(
        service = ConfigurationPlugin.class,
        immediate = true, // keeps lastGood between updates (a delayed component is disposed when unused)
        property = {ConfigurationPlugin.CM_TARGET + "=" + HttpSettings.PID, ConfigurationPlugin.CM_RANKING + ":Integer=0"})
public class HttpConfigurationPlugin implements ConfigurationPlugin {

    private static final Logger LOG = Logger.getLogger("gate.http");

    private HttpSettings lastGood = HttpSettings.DEFAULT;
    private String lastReport = "";

    @Override
    public synchronized void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        if (properties.get(HttpSettings.ENABLE) == null) {
            properties.put(HttpSettings.ENABLE, "true");
        }
        HttpSettings.Checked checked = HttpSettings.check(map, lastGood);
        lastGood = checked.settings();
        if (checked.problems().isEmpty()) {
            lastReport = "";
            return;
        }
        properties.put(HttpSettings.HOST, lastGood.host());
        properties.put(HttpSettings.PORT, Integer.toString(lastGood.port()));
        String source = ConfigSource.describe(HttpSettings.PID, map.get(ConfigSource.FILEINSTALL_FILENAME));
        String report = source + ": " + String.join("; ", checked.problems())
                + "; HTTP stays on " + lastGood.host() + ":" + lastGood.port();
        // Config Admin may call plugins more than once per update; say it once.
        if (!report.equals(lastReport)) {
            LOG.warning(report);
            lastReport = report;
        }
    }
}
