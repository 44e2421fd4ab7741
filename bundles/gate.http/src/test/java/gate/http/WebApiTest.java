package gate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebApiTest {

    private final WebApi api = new WebApi();

    @Test
    void rootIsFeatureDiscovery() {
        assertEquals("{}", api.handle("GET", "/", null).bodyText());
    }

    @Test
    void baseWithoutSlashRedirects() {
        Reply reply = api.handle("GET", null, null);
        assertEquals(301, reply.status());
        assertEquals("/gate-0/", reply.headers().get("Location"));
    }

    @Test
    void unknownResourceIsNotFound() {
        assertEquals(404, api.handle("GET", "/nonexistent", null).status());
    }
}
