package gate.http.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConfigurationPluginTest {

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("gate.http").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("gate.http").removeHandler(capture);
    }

    @Test
    void explicitEnableIsKept() {
        var off = new Hashtable<String, Object>();
        off.put(HttpSettings.ENABLE, "false");
        new HttpConfigurationPlugin().modifyConfiguration(null, off);
        assertEquals("false", off.get(HttpSettings.ENABLE));
    }

    @Test
    void badPortIsReplacedByTheLastGoodOneAndLoggedOnce() {
        var plugin = new HttpConfigurationPlugin();
        var good = new Hashtable<String, Object>();
        good.put(HttpSettings.PORT, "7001");
        plugin.modifyConfiguration(null, good);
        assertEquals("7001", good.get(HttpSettings.PORT));
        assertEquals("true", good.get(HttpSettings.ENABLE));

        var bad = new Hashtable<String, Object>();
        bad.put(HttpSettings.PORT, "notanumber");
        bad.put(ConfigSource.FILEINSTALL_FILENAME, "file:/g/etc/org.apache.felix.http.cfg");
        plugin.modifyConfiguration(null, bad);
        var again = new Hashtable<String, Object>(bad);
        again.put(HttpSettings.PORT, "notanumber");
        plugin.modifyConfiguration(null, again);

        assertEquals("7001", bad.get(HttpSettings.PORT));
        assertEquals("127.0.0.1", bad.get(HttpSettings.HOST));
        assertEquals(List.of("/g/etc/org.apache.felix.http.cfg: org.osgi.service.http.port 'notanumber' is not a port"
                + " number (1-65535); HTTP stays on 127.0.0.1:7001"), logged);
    }
}
