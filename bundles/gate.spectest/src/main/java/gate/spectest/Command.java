package gate.spectest;

import java.util.List;
import java.util.Map;

/**
 * One command of a script (see the test suite's README for the command types). Fields a type does
 * not use are null (or an empty list).
 *
 * @param line the line of the command in the original {@code .wast} script
 * @param filename the module file, relative to the script's folder
 * @param name the module name ({@code $m}) a module or register command refers to
 * @param as the name a register command makes the module importable under
 * @param moduleType {@code binary} or {@code text}
 * @param text the expected error text of an assertion
 */
record Command(
        String type,
        int line,
        String filename,
        String name,
        String as,
        String moduleType,
        String text,
        Action action,
        List<WasmValue> expected) {

    Command {
        expected = List.copyOf(expected);
    }

    static Command from(Object json) {
        Map<?, ?> map = (Map<?, ?>) json;
        List<?> expected = map.get("expected") instanceof List<?> l ? l : List.of();
        Object line = map.get("line");
        return new Command(
                (String) map.get("type"),
                line instanceof Number n ? n.intValue() : 0,
                (String) map.get("filename"),
                (String) map.get("name"),
                (String) map.get("as"),
                (String) map.get("module_type"),
                (String) map.get("text"),
                map.get("action") == null ? null : Action.from(map.get("action")),
                expected.stream().map(WasmValue::from).toList());
    }

    /** True when the command passes or expects a v128 value. */
    boolean usesSimd() {
        return action != null && action.args().stream().anyMatch(WasmValue::isSimd)
                || expected.stream().anyMatch(WasmValue::isSimd);
    }

    /** Short description for failure reports, e.g. {@code assert_return invoke add[i32:1]}. */
    String describe() {
        StringBuilder sb = new StringBuilder(type);
        if (action != null) {
            sb.append(' ').append(action);
        }
        if (filename != null) {
            sb.append(' ').append(filename);
        }
        if (name != null) {
            sb.append(' ').append(name);
        }
        if (as != null) {
            sb.append(" as ").append(as);
        }
        return sb.toString();
    }
}
