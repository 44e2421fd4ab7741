package gate.spectest;

import java.util.List;
import java.util.Map;

/**
 * What an action-bearing command does: {@code invoke} an exported function or {@code get} an
 * exported global.
 *
 * @param module the named module it addresses, or null for the most recent one
 */
record Action(String type, String module, String field, List<WasmValue> args) {
    Action {
        args = List.copyOf(args);
    }

    static Action from(Object json) {
        Map<?, ?> map = (Map<?, ?>) json;
        List<?> args = map.get("args") instanceof List<?> l ? l : List.of();
        return new Action(
                (String) map.get("type"),
                (String) map.get("module"),
                (String) map.get("field"),
                args.stream().map(WasmValue::from).toList());
    }

    @Override
    public String toString() {
        String target = module == null ? field : module + "." + field;
        return type + " " + target + (type.equals("invoke") ? args.toString() : "");
    }
}
