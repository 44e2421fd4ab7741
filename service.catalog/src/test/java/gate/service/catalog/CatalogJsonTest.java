package gate.service.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.api.ServiceInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {
    @Test
    void indentsWithTabsLikeTheReference() {
        String json = CatalogJson.indented(List.of(new ServiceInfo("catalog", "0"), new ServiceInfo("origin", "")));
        assertEquals("""
                {
                \t"services": [
                \t\t{
                \t\t\t"name": "catalog",
                \t\t\t"revision": "0"
                \t\t},
                \t\t{
                \t\t\t"name": "origin",
                \t\t\t"revision": ""
                \t\t}
                \t]
                }""", json);
    }

    @Test
    void writesAnEmptyListAsAnEmptyArray() {
        assertEquals("{\n\t\"services\": []\n}", CatalogJson.indented(List.of()));
        assertEquals("{\"services\":[]}", CatalogJson.compact(List.of()));
    }

    @Test
    void compactHasNoWhitespace() {
        assertEquals("{\"services\":[{\"name\":\"a\",\"revision\":\"1\"},{\"name\":\"b\",\"revision\":\"2\"}]}",
                CatalogJson.compact(List.of(new ServiceInfo("a", "1"), new ServiceInfo("b", "2"))));
    }

    @Test
    void escapesLikeGo() {
        String json = CatalogJson.compact(List.of(new ServiceInfo("a\"b\\c<d>&", "\u2028\n\u0001é")));
        assertEquals("{\"services\":[{\"name\":\"a\\\"b\\\\c\\u003cd\\u003e\\u0026\","
                + "\"revision\":\"\\u2028\\n\\u0001é\"}]}", json);
    }
}
