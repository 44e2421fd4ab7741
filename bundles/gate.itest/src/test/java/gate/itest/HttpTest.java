package gate.itest;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Gate's HTTP API served by Felix HTTP Jetty 12 over loopback. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpTest extends GateTestSupport {
    @Configuration
    public Option[] configuration() throws IOException {
        return options(GateOptions.core("http"), GateOptions.http(freeLoopbackPort()));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    public void featureDiscoveryAnswersAnEmptyObject() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("gate.itest.http.port") + "/gate-0/");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        // Jetty and the whiteboard start asynchronously: poll until the servlet answers.
        Await.until(() -> {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                response.set(r);
                return r.statusCode() != 404;
            } catch (ConnectException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }, "GET " + uri + " is served");
        assertEquals(200, response.get().statusCode());
        assertEquals("{}", response.get().body());
        assertEquals("application/json", response.get().headers().firstValue("Content-Type").orElse(""));
    }
}
