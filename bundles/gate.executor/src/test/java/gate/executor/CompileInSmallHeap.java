package gate.executor;

import gate.compiler.Compiler;
import gate.wasm.ResourceLimitException;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;

/**
 * Main class run by {@link HostileModulesTest} in a JVM with a small heap: compiles a module of
 * {@code args[0]} functions with {@code args[1]} i64 locals each and prints how that ended:
 * {@code compiled N} (bytes of text), {@code refused MESSAGE} (typed) or {@code OutOfMemoryError}.
 */
public final class CompileInSmallHeap {
    private CompileInSmallHeap() {}

    public static void main(String[] args) {
        int functions = Integer.parseInt(args[0]);
        int locals = Integer.parseInt(args[1]);
        byte[] module = new ModuleBytes().oneType(0, 0).functions(functions).code(functions, locals, new byte[0]).bytes();
        try {
            byte[] text = new Compiler(false).compile(Wasm.load(module, WasmLimits.DEFAULT), -1).text();
            System.out.println("compiled " + text.length);
        } catch (ResourceLimitException e) {
            System.out.println("refused " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError");
        }
    }
}
