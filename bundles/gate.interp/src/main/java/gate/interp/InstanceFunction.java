package gate.interp;

/** A function of an interpreter instance (defined by its module). */
final class InstanceFunction extends FunctionRef {
    final InterpInstance owner;
    final int index;
    private final int typeId;

    InstanceFunction(InterpInstance owner, int index, int typeId) {
        super(owner.program.module().functionType(index));
        this.owner = owner;
        this.index = index;
        this.typeId = typeId;
    }

    @Override
    int canonicalIndex() {
        return index;
    }

    @Override
    boolean hasType(InterpProgram program, int id) {
        if (program == owner.program) {
            return id == typeId;
        }
        return type().equals(program.module().types().get(id));
    }

    /** Called by the host, or by another instance: runs on the calling thread. */
    @Override
    public long[] call(long... args) {
        return owner.callFunction(index, args);
    }
}
