package gate.wasm.validate;

import gate.wasm.FunctionBody;
import gate.wasm.InvalidModuleException;
import gate.wasm.Module;
import gate.wasm.WasmLimits;
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
            try {
                functions.validate(code.get(i), context.functions[imported + i]);
            } catch (InvalidModuleException e) {
                BodyScanner.scanFrom(module, i);
                throw e;
            }
        }
        return module;
    }
}
