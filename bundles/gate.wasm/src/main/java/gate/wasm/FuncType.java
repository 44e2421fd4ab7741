package gate.wasm;

import java.util.List;

/** A function signature (core spec §2.3.5). Lists are immutable. */
public record FuncType(List<ValType> params, List<ValType> results) {
    public FuncType {
        // ValTypeList is immutable and compact: copying would expand it
        params = params instanceof ValTypeList ? params : List.copyOf(params);
        results = results instanceof ValTypeList ? results : List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
