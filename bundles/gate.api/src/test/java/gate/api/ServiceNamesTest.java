package gate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {
    @Test
    void acceptsLettersNumbersAndPunctuation() {
        for (String name : new String[] {"catalog", "internal/test", "gate.computer/origin", "a", "ünï-cødé_1", "名前"}) {
            assertEquals(Optional.empty(), ServiceNames.nameProblem(name), name);
        }
        assertEquals(Optional.empty(), ServiceNames.nameProblem("x".repeat(127)));
    }

    @Test
    void rejectsEmptyLongAndOddNames() {
        assertTrue(ServiceNames.nameProblem("").orElseThrow().contains("empty"));
        assertTrue(ServiceNames.nameProblem(null).orElseThrow().contains("empty"));
        assertTrue(ServiceNames.nameProblem("x".repeat(128)).orElseThrow().contains("128 bytes"));
        // 64 two-byte characters: 128 bytes though only 64 chars.
        assertTrue(ServiceNames.nameProblem("é".repeat(64)).orElseThrow().contains("128 bytes"));
        assertTrue(ServiceNames.nameProblem("a b").orElseThrow().contains("U+0020"));
        assertTrue(ServiceNames.nameProblem("a\nb").orElseThrow().contains("U+000A"));
        assertTrue(ServiceNames.nameProblem("a+b").orElseThrow().contains("U+002B"), "symbols are revision-only");
        assertTrue(ServiceNames.nameProblem("a\uD800").isPresent(), "unpaired surrogate");
    }

    @Test
    void revisionsMayAlsoHoldMarksAndSymbolsAndBeEmpty() {
        assertEquals(Optional.empty(), ServiceNames.revisionProblem(""));
        assertEquals(Optional.empty(), ServiceNames.revisionProblem("1.2+build~3 ©"
                .replace(" ", "")));
        assertEquals(Optional.empty(), ServiceNames.revisionProblem("e\u0301"));
        assertTrue(ServiceNames.revisionProblem("1 2").isPresent());
        assertTrue(ServiceNames.revisionProblem(null).isPresent());
        assertTrue(ServiceNames.revisionProblem("r".repeat(256)).isPresent());
    }

    @Test
    void problemReportsTheNameFirst() {
        assertTrue(ServiceNames.problem("", "bad rev").orElseThrow().startsWith("service name"));
        assertTrue(ServiceNames.problem("ok", "bad rev").orElseThrow().startsWith("service revision"));
        assertEquals(Optional.empty(), ServiceNames.problem("ok", "0"));
        assertThrows(IllegalArgumentException.class, () -> ServiceNames.requireValidName("no way"));
    }
}
