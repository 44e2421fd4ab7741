package gate.service.origin;

import gate.api.InstanceConfig;
import gate.api.Service;
import gate.api.ServiceInstance;
import gate.api.ServiceStateException;

/**
 * The stdio channel of one program instance (gate.abi README §2): one origin stream, id 0,
 * accepted from the start, carried on the reserved code -2. The runtime passes it to the broker
 * session as the instance's stdio service; WASI stdin and stdout use it.
 */
public final class StdioService implements Service {
    private final OriginConnection connection;
    private final int bufferSize;

    public StdioService(OriginConnection connection, int bufferSize) {
        this.connection = connection;
        this.bufferSize = bufferSize;
    }

    @Override
    public String name() {
        return "stdio";
    }

    @Override
    public String revision() {
        return "0";
    }

    @Override
    public ServiceInstance createInstance(InstanceConfig config, byte[] restoredState) {
        if (restoredState.length != 0) {
            throw new ServiceStateException("stdio", "restoring the stdio stream is not supported yet");
        }
        return new OriginInstance(config, null, connection, bufferSize);
    }
}
