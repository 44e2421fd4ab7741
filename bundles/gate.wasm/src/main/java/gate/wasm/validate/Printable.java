package gate.wasm.validate;

/**
 * Makes names from a module (export, import and function names) safe to put in error messages:
 * the module may be hostile, so control characters are replaced and long names cut.
 */
final class Printable {
    private static final int MAX_CODE_POINTS = 80;

    private Printable() {}

    static String of(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().limit(MAX_CODE_POINTS).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_CODE_POINTS ? b + "..." : b.toString();
    }
}
