package gate.itest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what Gate logs through {@code System.Logger} (which the JDK routes to
 * java.util.logging when no other backend is installed) under the {@code gate} logger tree.
 */
final class LogCapture extends Handler implements AutoCloseable {
    // A strong reference: java.util.logging forgets unreferenced loggers, and their handlers.
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    static LogCapture start(String loggerName) {
        LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
        capture.setLevel(Level.ALL);
        capture.logger.addHandler(capture);
        return capture;
    }

    /** Whether a record at {@code level} or above contains every fragment. */
    boolean contains(Level level, String... fragments) {
        return records.stream().anyMatch(r -> r.getLevel().intValue() >= level.intValue() && matches(r, fragments));
    }

    /** Messages of WARNING and above that contain none of the allowed fragments. */
    List<String> unexpectedWarnings(List<String> allowedFragments) {
        List<String> unexpected = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && allowedFragments.stream().noneMatch(f -> String.valueOf(record.getMessage()).contains(f))) {
                unexpected.add(record.getLevel() + " " + record.getMessage());
            }
        }
        return unexpected;
    }

    private static boolean matches(LogRecord record, String... fragments) {
        String message = String.valueOf(record.getMessage());
        for (String fragment : fragments) {
            if (!message.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
