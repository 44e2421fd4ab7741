package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StartLevelRulesTest {

    @Test
    void firstMatchingPrefixWins() {
        var rules = StartLevelRules.parse("org.objectweb.asm:1, slf4j.:2,\n gate.http:4, gate.:6");
        assertEquals(1, rules.levelOf("org.objectweb.asm.tree"));
        assertEquals(2, rules.levelOf("slf4j.simple"));
        assertEquals(4, rules.levelOf("gate.http"));
        assertEquals(6, rules.levelOf("gate.broker"));
        assertEquals(StartLevelRules.DEFAULT_LEVEL, rules.levelOf("org.apache.felix.scr"));
    }

    @Test
    void noRulesMeansDefaultLevel() {
        assertEquals(StartLevelRules.DEFAULT_LEVEL, StartLevelRules.parse(null).levelOf("anything"));
        assertEquals(StartLevelRules.DEFAULT_LEVEL, StartLevelRules.parse(" , ").levelOf("anything"));
    }

    @Test
    void malformedEntriesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> StartLevelRules.parse("a:1, b"));
        assertEquals("gate.startlevels: not prefix:level (level >= 1): b", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StartLevelRules.parse("a:0"));
        assertThrows(IllegalArgumentException.class, () -> StartLevelRules.parse("a:x"));
        assertThrows(IllegalArgumentException.class, () -> StartLevelRules.parse(":3"));
    }
}
