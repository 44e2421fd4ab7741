package gate.broker.impl;

import java.lang.System.Logger.Level;

/** A log line computed under a lock and written after it is released. */
record LogLine(Level level, String message) {
    void writeTo(System.Logger logger) {
        logger.log(level, message);
    }
}
