package gate.service.origin;

import gate.api.InstanceConfig;
import gate.api.Service;
import gate.api.ServiceInstance;
import gate.api.ServiceStateException;

/**
 * The {@code origin} service of one program instance: the byte streams between the program and
 * whoever started it (architecture reference §6.4). Not registered globally: the runtime creates
 * one per program instance around that instance's {@link OriginConnector} and gives it to the
 * session as an instance-own service.
 */
public final class OriginService implements Service {
    /** The name programs discover. */
    public static final String NAME = "origin";
    /** Default stream buffer: the credit granted to the program for its output. */
    public static final int DEFAULT_BUFFER_SIZE = 65536;

    private final OriginConnector connector;
    private final int bufferSize;

    public OriginService(OriginConnector connector, int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size " + bufferSize);
        }
        this.connector = connector;
        this.bufferSize = bufferSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String revision() {
        return "0";
    }

    @Override
    public ServiceInstance createInstance(InstanceConfig config, byte[] restoredState) {
        if (restoredState.length != 0) {
            throw new ServiceStateException(NAME, "restoring origin streams is not supported yet");
        }
        return new OriginInstance(config, connector, null, bufferSize);
    }
}
