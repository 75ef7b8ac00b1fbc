package org.acceso.gateway.proxy;

import org.acceso.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRouteTest {

    private static final URI REQUEST = URI.create("http://127.0.0.1:8081");
    private static final URI DEADLINE = URI.create("http://127.0.0.1:8082");
    private static final URI NOTIFICATION = URI.create("http://127.0.0.1:8083");
    private static final URI REGISTER = URI.create("http://127.0.0.1:8085");

    private static final URI WEB = URI.create("http://127.0.0.1:8084");

    private final RouteTable table = new RouteTable(Map.of("request", REQUEST, "deadline", DEADLINE, "notification", NOTIFICATION,
            "register", REGISTER, "web", WEB),
            Map.of("public", route("/api/public", "register", "/public", true),
                    "requests", route("/api/requests", "request", "/requests", false),
                    "openapi-request", exactRoute("/api/openapi/request", "request", "/q/openapi"),
                    "deadlines", route("/api/deadlines", "deadline", "/deadlines", false),
                    "notifications", route("/api/notifications/", "notification", "/notifications", false),
                    "web", route("/", "web", "/", true)));

    @ParameterizedTest
    @CsvSource({
            "/, /",
            "/requests/new, /requests/new",
            "/static/acceso.css, /static/acceso.css",
            "/apix, /apix"})
    void shouldSendEveryPathOutsideApiToTheWebFrontUnchanged(String path, String target) {
        ServiceRoute web = table.routes().stream().filter(route -> route.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.isApi()).isFalse();
        assertThat(web.matches(path)).isTrue();
        assertThat(web.backendTarget(path, null)).isEqualTo(target);
        assertThat(table.match(path)).isEmpty(); // an /api lookup never falls back to the front
    }

    @Test
    void shouldNeverRouteApiPathsToTheWebFront() {
        assertThat(table.match("/api/nothing")).isEmpty();
        assertThat(table.match("/api/requests/abc")).get().extracting(ServiceRoute::name).isEqualTo("requests");
        assertThat(table.servesPages()).isTrue();
    }

    static GatewayConfig.Route route(String prefix, String service, String servicePath, boolean open) {
        return route(prefix, service, servicePath, open, false);
    }

    static GatewayConfig.Route exactRoute(String prefix, String service, String servicePath) {
        return route(prefix, service, servicePath, true, true);
    }

    static GatewayConfig.Route route(String prefix, String service, String servicePath, boolean open, boolean exact) {
        return new GatewayConfig.Route() {
            public String prefix() {
                return prefix;
            }

            public String service() {
                return service;
            }

            public String servicePath() {
                return servicePath;
            }

            public boolean open() {
                return open;
            }

            public boolean exact() {
                return exact;
            }

            public Optional<GatewayConfig.Limit> rateLimit() {
                return Optional.empty();
            }

            public Optional<String> contentSecurityPolicy() {
                return Optional.empty();
            }

            public Optional<String> referrerPolicy() {
                return Optional.empty();
            }
        };
    }

    @ParameterizedTest
    @CsvSource({
            "/api/requests,             request-service,      /requests",
            "/api/requests/,            request-service,      /requests/",
            "/api/requests/abc,         request-service,      /requests/abc",
            "/api/requests/abc/history, request-service,      /requests/abc/history",
            "/api/public/requests,      register-service,     /public/requests",
            "/api/public/similar,       register-service,     /public/similar",
            "/api/deadlines/abc,        deadline-service,     /deadlines/abc",
            "/api/notifications,        notification-service, /notifications",
            "/api/notifications/x/y,    notification-service, /notifications/x/y",
            "/api/openapi/request,      request-service,      /q/openapi"})
    void shouldRouteByPrefixAndRewriteIt(String path, String service, String target) {
        ServiceRoute route = table.match(path).orElseThrow();

        assertThat(route.service()).isEqualTo(service);
        assertThat(route.backendTarget(path, null)).isEqualTo(target);
    }

    @ParameterizedTest
    @CsvSource({"/api", "/api/", "/api/requestsX", "/api/requests-old/abc", "/api/publicity", "/requests/abc",
            "/api/openapi/request/other", "/api/openapi"})
    void shouldNotRouteOutsidePrefixes(String path) {
        assertThat(table.match(path)).isEmpty();
    }

    @Test
    void shouldOnlyLetPublicPrefixThroughAnonymously() {
        assertThat(table.routes()).filteredOn(ServiceRoute::isPublic)
                .extracting(ServiceRoute::prefix)
                .containsExactlyInAnyOrder("/api/public", "/api/openapi/request", "/"); // "/": the web front signs people in itself
    }

    @Test
    void shouldKeepRawQuery() {
        ServiceRoute route = table.match("/api/requests/abc").orElseThrow();

        assertThat(route.backendTarget("/api/requests/abc", "q=a%20b&x=1")).isEqualTo("/requests/abc?q=a%20b&x=1");
    }

    @Test
    void shouldPrependBasePathOfOrigin() {
        ServiceRoute route = new ServiceRoute("request-service", "/api/requests",
                URI.create("https://requests.internal/base/"), "/requests", false);

        assertThat(route.backendTarget("/api/requests/abc", null)).isEqualTo("/base/requests/abc");
        assertThat(route.port()).isEqualTo(443);
        assertThat(route.isHttps()).isTrue();
        assertThat(route.externalLocation("https://requests.internal/base/requests/abc")).isEqualTo("/api/requests/abc");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8081/requests/abc,       /api/requests/abc",
            "HTTP://127.0.0.1:8081/requests/abc?x=1#h, /api/requests/abc?x=1#h",
            "/requests/abc,                            /api/requests/abc",
            "/requests,                                /api/requests",
            "http://127.0.0.1:8082/requests/abc,       http://127.0.0.1:8082/requests/abc",
            "https://127.0.0.1:8081/requests/abc,      https://127.0.0.1:8081/requests/abc",
            "http://127.0.0.1:8081/other/abc,          http://127.0.0.1:8081/other/abc",
            "/requestsX/abc,                           /requestsX/abc",
            "abc,                                      abc",
            "//evil.example/requests/abc,              //evil.example/requests/abc",
            "http://127.0.0.1:8180/realms/acceso,      http://127.0.0.1:8180/realms/acceso"})
    void shouldPointServiceLocationsBackAtGateway(String location, String expected) {
        ServiceRoute route = table.match("/api/requests").orElseThrow();

        assertThat(route.externalLocation(location)).isEqualTo(expected);
    }
}
