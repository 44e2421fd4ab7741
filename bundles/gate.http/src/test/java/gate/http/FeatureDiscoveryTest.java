package gate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeatureDiscoveryTest {

    private final FeatureDiscovery discovery = new FeatureDiscovery();

    @Test
    void noQueryListsNoFeature() {
        Reply reply = discovery.handle("GET", null);
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.headers().get("Content-Type"));
        assertEquals("{}", reply.bodyText());
    }

    @Test
    void emptyQueryListsNoFeature() {
        assertEquals("{}", discovery.handle("GET", "").bodyText());
    }

    @Test
    void scopeFeatureListsTheSystemScope() {
        Reply reply = discovery.handle("GET", "feature=scope");
        assertEquals(200, reply.status());
        assertEquals("{\"scope\":[\"program:system\"]}", reply.bodyText());
    }

    @Test
    void wildcardFeatureListsEveryFeature() {
        assertEquals("{\"scope\":[\"program:system\"]}", discovery.handle("GET", "feature=*").bodyText());
        assertEquals("{\"scope\":[\"program:system\"]}", discovery.handle("GET", "feature=%2A").bodyText());
    }

    @Test
    void headGetsTheSameReplyAsGet() {
        Reply head = discovery.handle("HEAD", "feature=scope");
        assertEquals(200, head.status());
        assertEquals(discovery.handle("GET", "feature=scope").bodyText(), head.bodyText());
    }

    @Test
    void unknownFeatureIsNotImplemented() {
        assertEquals(501, discovery.handle("GET", "feature=telepathy").status());
        assertEquals(501, discovery.handle("GET", "feature=").status());
    }

    @Test
    void otherParameterIsBadRequest() {
        Reply reply = discovery.handle("GET", "feature=scope&x=1");
        assertEquals(400, reply.status());
        assertEquals("text/plain; charset=utf-8", reply.headers().get("Content-Type"));
        assertEquals("unsupported query parameter: x\n", reply.bodyText());
        assertEquals(400, discovery.handle("GET", "action=call").status());
    }

    @Test
    void duplicateParameterIsBadRequest() {
        assertEquals(400, discovery.handle("GET", "feature=scope&feature=scope").status());
        assertEquals(400, discovery.handle("GET", "feature=scope&feature=*").status());
    }

    @Test
    void malformedEncodingIsBadRequest() {
        assertEquals(400, discovery.handle("GET", "feature=%zz").status());
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhatIs() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "BREW"}) {
            Reply reply = discovery.handle(method, null);
            assertEquals(405, reply.status(), method);
            assertEquals("GET, HEAD, OPTIONS", reply.headers().get("Allow"), method);
        }
    }

    @Test
    void optionsTellsTheAllowedMethods() {
        Reply reply = discovery.handle("OPTIONS", null);
        assertEquals(204, reply.status());
        assertEquals("GET, HEAD, OPTIONS", reply.headers().get("Allow"));
        assertEquals(0, reply.body().length);
    }
}
