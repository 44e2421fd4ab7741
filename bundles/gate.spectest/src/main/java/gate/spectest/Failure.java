package gate.spectest;

/**
 * A failed command, for reports and exclusion lists.
 *
 * @param script the script's display name
 * @param line the command's line in the {@code .wast} script
 * @param command what the command does
 * @param detail expected versus got
 */
public record Failure(String script, int line, String command, String detail) {
    @Override
    public String toString() {
        return script + ":" + line + ": " + command + ": " + detail;
    }
}
