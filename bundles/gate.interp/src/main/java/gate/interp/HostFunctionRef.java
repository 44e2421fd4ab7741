package gate.interp;

import gate.engine.Caller;
import gate.engine.FunctionExtern;
import gate.engine.HostFunction;

/**
 * A function supplied by the host: a {@link HostFunction}, or any other engine's function extern,
 * called through its public interface.
 */
final class HostFunctionRef extends FunctionRef {
    final FunctionExtern target;

    HostFunctionRef(FunctionExtern target) {
        super(target.type());
        this.target = target;
    }

    @Override
    int canonicalIndex() {
        return -1;
    }

    @Override
    boolean hasType(InterpProgram program, int id) {
        return type().equals(program.module().types().get(id));
    }

    /** Calls the function on behalf of {@code caller} (what a host function sees of it). */
    long[] call(Caller caller, long[] args) {
        if (target instanceof HostFunction host) {
            return host.body().call(caller, args);
        }
        return target.call(args);
    }

    @Override
    public long[] call(long... args) {
        return call(Caller.DETACHED, args);
    }
}
