package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.NativeStack;
import gate.compiler.gen.Site;
import gate.engine.InstanceState;
import gate.wasm.Module;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Reads the engine-neutral view of a stopped native instance: call stacks and trap locations. */
final class StackReader {
    private StackReader() {}

    /** The frame of a call suspended before its first instruction (SPI: at function entry). */
    static InstanceState.Frame entryFrame(Module module, int function, long[] args) {
        var body = module.code().get(function - module.importedFunctionCount());
        long[] locals = java.util.Arrays.copyOf(args, args.length + body.locals().size());
        for (int j = 0; j < body.locals().size(); j++) {
            locals[args.length + j] = body.locals().get(j).isReference() ? gate.engine.Values.NULL_REF : 0;
        }
        return new InstanceState.Frame(function, body.codeStart() - body.bodyStart(), locals, new long[0]);
    }

    /**
     * The suspended call stack in the SPI's form, walked by the compiler's stack map over the
     * state memfd (gate.compiler NativeStack, RUNTIME-NEEDS.md §4). The stack was written inside
     * the sandbox: every read is bounds-checked and a bad chain is an InvalidStateException.
     */
    static List<InstanceState.Frame> suspendedStack(CompiledProgram compiled, Module module, StateFile state, Vars last)
            throws IOException {
        long bottom = last.stackAddr() + StateLayout.STACK_OFFSET;
        long size = state.layout().stackSize();
        byte[] stack = state.readStack(0, (int) size);
        ByteBuffer b = ByteBuffer.wrap(stack).order(ByteOrder.LITTLE_ENDIAN);
        NativeStack.Memory memory = address -> {
            long off = address - bottom;
            if (off < 0 || off > size - 8) {
                throw new IndexOutOfBoundsException("stack address outside the stack");
            }
            return b.getLong((int) off);
        };
        try {
            return new NativeStack(compiled, module)
                    .walk(memory, bottom + last.spOffset(), (int) last.trapPc(), last.textAddr());
        } catch (NativeStack.CorruptStackException | IndexOutOfBoundsException e) {
            throw new gate.engine.InvalidStateException("the suspended native stack cannot be read: " + e.getMessage());
        }
    }

    /** The trapping function's name (trap pc to function through the compiler's trap ranges). */
    static List<String> innermostFunction(CompiledProgram compiled, Module module, Vars vars) {
        if (!vars.valid() || vars.trapPc() < 0 || vars.trapPc() > Integer.MAX_VALUE) {
            return List.of();
        }
        var range = compiled.trapAt((int) vars.trapPc());
        Site site = range == null ? compiled.siteAt((int) vars.trapPc()) : null;
        int function = range != null ? range.function() : site != null ? site.function() : -1;
        if (function < 0) {
            return List.of();
        }
        gate.wasm.Names names = module.names();
        return List.of((names == null ? gate.wasm.Names.EMPTY : names).function(function));
    }
}
