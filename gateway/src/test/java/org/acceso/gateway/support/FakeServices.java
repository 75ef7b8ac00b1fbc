package org.acceso.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for the services: one WireMock on a random 127.0.0.1 port plays request-service, deadline-service,
 * register-service and the web front, and notification-service points at a port where nothing listens.
 * The read timeout is short so that a silent service shows quickly.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that gets the {@link WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Backend {
    }

    public static final String READ_TIMEOUT = "1s";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "gateway.services.request", url,
                "gateway.services.deadline", url,
                "gateway.services.register", url,
                "gateway.services.web", url,
                "gateway.services.notification", "http://127.0.0.1:" + portWhereNothingListens(),
                "gateway.backend.read-timeout", READ_TIMEOUT);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Backend.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int portWhereNothingListens() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
