package org.acceso.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for request-service that a test can stop and start again on the same port, as an operator
 * would restart the real one; deadline-service and notification-service point at it too.
 */
public class RestartableService implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startService();
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "gateway.services.request", url,
                "gateway.services.deadline", url,
                "gateway.services.notification", url,
                "gateway.services.register", url,
                "gateway.services.web", url,
                "gateway.backend.read-timeout", "1s",
                "gateway.backend.circuit-breaker.window", "4",
                "gateway.backend.circuit-breaker.failure-ratio", "0.5",
                "gateway.backend.circuit-breaker.delay", "2s");
    }

    /** Starts the service (again) on its port, answering 200 to everything and ready. */
    public static synchronized void startService() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"up\":true}")));
        server.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));
    }

    public static synchronized void stopService() {
        if (server != null) {
            server.stop();
        }
    }

    /** How many requests the running service received (other than health checks). */
    public static int received() {
        return (int) server.getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().startsWith("/q/health")).count();
    }

    public static void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void stop() {
        stopService();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
