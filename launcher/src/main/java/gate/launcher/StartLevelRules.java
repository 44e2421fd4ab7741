package gate.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Start levels by bundle symbolic-name prefix, written {@code prefix:level, prefix:level}; the
 * first matching prefix wins, other bundles get {@link #DEFAULT_LEVEL}. SPI Fly and ASM must come
 * first and slf4j next, or slf4j finds no provider (pitfall P3).
 */
record StartLevelRules(List<Rule> rules) {

    /** The level of bundles no rule names; also the framework's beginning level. */
    static final int DEFAULT_LEVEL = 5;

    /** One prefix and its level. */
    record Rule(String prefix, int level) {}

    StartLevelRules {
        rules = List.copyOf(rules);
    }

    /**
     * Parses the rules.
     *
     * @param text the rules, or null for none
     * @throws IllegalArgumentException naming the entry that is not {@code prefix:level}
     */
    static StartLevelRules parse(String text) {
        var rules = new ArrayList<Rule>();
        if (text != null) {
            for (String entry : text.split(",")) {
                String trimmed = entry.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.lastIndexOf(':');
                int level = colon > 0 ? parseLevel(trimmed.substring(colon + 1)) : -1;
                if (level < 1) {
                    throw new IllegalArgumentException(
                            FrameworkProperties.START_LEVELS + ": not prefix:level (level >= 1): " + trimmed);
                }
                rules.add(new Rule(trimmed.substring(0, colon).strip(), level));
            }
        }
        return new StartLevelRules(rules);
    }

    /** The start level of the bundle with this symbolic name. */
    int levelOf(String symbolicName) {
        for (Rule rule : rules) {
            if (symbolicName.startsWith(rule.prefix())) {
                return rule.level();
            }
        }
        return DEFAULT_LEVEL;
    }

    private static int parseLevel(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
