package gate.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The naming rules for services (architecture reference §6.2).
 *
 * <ul>
 *   <li>A name is 1 to {@value #MAX_NAME_BYTES} bytes of UTF-8 (programs send it with a u8
 *       length prefix whose top bit is reserved) made of letters, numbers and punctuation.
 *   <li>A revision may be empty and may also contain marks and symbols; it is at most {@value
 *       #MAX_REVISION_BYTES} bytes (Gate's own limit, so that catalogs stay small).
 * </ul>
 *
 * Character classes are Unicode general categories: letters L*, numbers N*, punctuation P*, marks
 * M*, symbols S*. Spaces, controls, unpaired surrogates and unassigned code points are never
 * allowed. Stateless and thread-safe.
 */
public final class ServiceNames {
    public static final int MAX_NAME_BYTES = 127;
    public static final int MAX_REVISION_BYTES = 255;

    private ServiceNames() {}

    /** Why {@code name} is not a valid service name, or empty if it is. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("service name is empty");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return Optional.of("service name is " + bytes + " bytes long, more than " + MAX_NAME_BYTES);
        }
        return badCharacter(name, false).map(c -> "service name contains " + c);
    }

    /** Why {@code revision} is not a valid service revision, or empty if it is. */
    public static Optional<String> revisionProblem(String revision) {
        if (revision == null) {
            return Optional.of("service revision is missing");
        }
        int bytes = revision.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_REVISION_BYTES) {
            return Optional.of("service revision is " + bytes + " bytes long, more than " + MAX_REVISION_BYTES);
        }
        return badCharacter(revision, true).map(c -> "service revision contains " + c);
    }

    /** Why the pair is not valid (the name's problem first), or empty if both are valid. */
    public static Optional<String> problem(String name, String revision) {
        return nameProblem(name).or(() -> revisionProblem(revision));
    }

    /**
     * Checks a name.
     *
     * @throws IllegalArgumentException with the reason if the name is not valid
     */
    public static String requireValidName(String name) {
        nameProblem(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return name;
    }

    private static Optional<String> badCharacter(String text, boolean revision) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint, revision)) {
                return Optional.of(String.format("U+%04X, which is not allowed (at char %d)", codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    private static boolean allowed(int codePoint, boolean revision) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> revision;
            default -> false;
        };
    }
}
