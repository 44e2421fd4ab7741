package gate.wasm.validate;

import gate.wasm.FunctionBody;
import gate.wasm.InvalidModuleException;
import gate.wasm.MalformedModuleException;
import gate.wasm.Module;
import gate.wasm.ModuleException;
import gate.wasm.ResourceLimitException;
import gate.wasm.WasmLimits;
import gate.wasm.decode.BodyScanner;
import java.util.List;

/**
 * Validates a decoded module against core spec §3: the module-level rules, then every function
 * body. Bodies are decoded here, so this also throws {@link gate.wasm.MalformedModuleException}
 * for malformed code, and it reports malformed code in preference to an invalidity found earlier,
 * as the spec's order (decode everything, then validate) implies.
 */
public final class Validator {
    private Validator() {}

    /**
     * Returns {@code module} if it is valid.
     *
     * @throws InvalidModuleException if it breaks a validation rule
     * @throws gate.wasm.MalformedModuleException if a function body is not well formed
     * @throws gate.wasm.ResourceLimitException if validating it would exceed {@code limits}
     */
    public static Module validate(Module module, WasmLimits limits) {
        ModuleContext context;
        try {
            context = new ModuleValidator(module, limits).validate();
        } catch (InvalidModuleException e) {
            BodyScanner.scanFrom(module, 0);
            throw e;
        }
        List<FunctionBody> code = module.code();
        FunctionValidator functions = new FunctionValidator(context, limits);
        int imported = context.functions.length - code.size();
        for (int i = 0; i < code.size(); i++) {
            int function = imported + i;
            try {
                functions.validate(code.get(i), context.functions[function]);
            } catch (InvalidModuleException e) {
                try {
                    BodyScanner.scanFrom(module, i);
                } catch (MalformedModuleException later) {
                    throw i == findBody(module, later) ? inFunction(later, module, function) : later;
                }
                throw inFunction(e, module, function);
            } catch (MalformedModuleException e) {
                throw inFunction(e, module, function);
            } catch (ResourceLimitException e) {
                throw inFunction(e, module, function);
            }
        }
        return module;
    }

    /** Index in the code section of the body that contains the error's offset. */
    private static int findBody(Module module, ModuleException e) {
        List<FunctionBody> code = module.code();
        for (int i = 0; i < code.size(); i++) {
            if (e.offset() >= code.get(i).bodyStart() && e.offset() < code.get(i).end()) {
                return i;
            }
        }
        return -1;
    }

    /** The same error, naming the function so that a person can find it. */
    private static ModuleException inFunction(ModuleException e, Module module, int function) {
        String name = module.names().functions().get(function);
        String where = " (in function " + function + (name == null ? ")" : " \"" + Printable.of(name) + "\")");
        return switch (e) {
            case InvalidModuleException i -> new InvalidModuleException(i.offset(), i.reason() + where);
            case MalformedModuleException m -> new MalformedModuleException(m.offset(), m.reason() + where);
            case ResourceLimitException r -> new ResourceLimitException(r.offset(), r.reason() + where);
            default -> e;
        };
    }
}
