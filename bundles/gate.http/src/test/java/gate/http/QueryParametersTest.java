package gate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void absentQueryHasNoParameter() throws Exception {
        assertTrue(QueryParameters.parse(null).isEmpty());
        assertTrue(QueryParameters.parse("").isEmpty());
        assertTrue(QueryParameters.parse("&&").isEmpty());
    }

    @Test
    void keepsOrderAndRepeatedValues() throws Exception {
        var q = QueryParameters.parse("b=2&a=1&b=3&flag");
        assertEquals(List.of("b", "a", "flag"), q.names());
        assertEquals(List.of("2", "3"), q.all("b"));
        assertEquals(List.of(""), q.all("flag"));
        assertEquals(List.of(), q.all("missing"));
    }

    @Test
    void decodesPercentAndPlus() throws Exception {
        var q = QueryParameters.parse("module.tag=a%20b+c&x%3Dy=%E2%82%AC");
        assertEquals(List.of("a b c"), q.all("module.tag"));
        assertEquals(List.of("\u20ac"), q.all("x=y"));
    }

    @Test
    void rejectsBrokenEscapes() {
        assertThrows(QueryParameters.BadQueryException.class, () -> QueryParameters.parse("a=%"));
        assertThrows(QueryParameters.BadQueryException.class, () -> QueryParameters.parse("%g1=x"));
    }
}
