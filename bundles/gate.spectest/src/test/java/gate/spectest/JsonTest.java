package gate.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsNestedDocument() {
        Object doc = Json.parse("{\"a\": [1, -2.5e1, \"x\\ny\\u0041\"], \"b\": {\"c\": true, \"d\": null}, \"e\": []}");
        Map<?, ?> map = (Map<?, ?>) doc;
        assertEquals(List.of(1L, -25.0, "x\nyA"), map.get("a"));
        Map<?, ?> b = (Map<?, ?>) map.get("b");
        assertEquals(Boolean.TRUE, b.get("c"));
        assertEquals(null, b.get("d"));
        assertEquals(List.of(), map.get("e"));
    }

    @Test
    void rejectsBrokenDocuments() {
        for (String bad : List.of("{", "[1,", "{\"a\" 1}", "[1] x", "\"\\q\"", "tru", "")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(100_000)));
        assertEquals(List.of(List.of()), Json.parse("[[]]"));
    }

    @Test
    void parsesCommand() {
        Object doc = Json.parse("{\"type\": \"assert_return\", \"line\": 37, \"action\": {\"type\": \"invoke\", "
                + "\"module\": \"$m\", \"field\": \"add\", \"args\": [{\"type\": \"i32\", \"value\": \"1\"}]}, "
                + "\"expected\": [{\"type\": \"v128\", \"lane_type\": \"i32\", \"value\": [\"1\", \"2\", \"3\", \"4\"]}]}");
        Command c = Command.from(doc);
        assertEquals(37, c.line());
        assertEquals("$m", c.action().module());
        assertEquals("1", c.action().args().get(0).value());
        assertEquals(List.of("1", "2", "3", "4"), c.expected().get(0).lanes());
        assertEquals(true, c.usesSimd());
    }
}
