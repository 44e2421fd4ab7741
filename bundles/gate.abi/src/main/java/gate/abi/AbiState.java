package gate.abi;

import gate.engine.Caller;

/**
 * The state one program's ABI keeps between calls, shared by all its host functions: the pipe,
 * what was discovered, the framed input and output, the stdio channel and the configuration.
 * Used only by the thread executing the instance.
 */
final class AbiState {
    final InstancePipe pipe;
    final AbiConfig config;
    final Discovery discovery = new Discovery();
    final StdioChannel stdio = new StdioChannel();
    final PacketInput input;
    final PacketOutput output;
    final Blocking blocking;
    /** {@link System#nanoTime()} when the ABI was made: the monotonic clock's zero. */
    final long monotonicZero = System.nanoTime();
    long randomHandedOut;

    AbiState(InstancePipe pipe, AbiConfig config) {
        this.pipe = pipe;
        this.config = config;
        this.input = new PacketInput(pipe, discovery, stdio);
        SendRules rules = new SendRules(pipe, discovery, config.maxSendSize());
        this.output = new PacketOutput(pipe, rules, discovery, input::readAvailable, config.maxSendSize());
        this.stdio.connect(output);
        this.blocking = new Blocking(pipe, input, output);
    }

    GuestMemory memory(Caller caller) {
        return new GuestMemory(caller, pipe);
    }
}
