package org.acceso.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for request-service (and the other services) on a real HTTP/1.1 server with keep-alive, whose
 * misbehaviour a test switches on:
 * <ul>
 *   <li>{@code /requests/slow…}: answers after {@link #SLOW_MILLIS}, as a service does right after a burst on its
 *       database;</li>
 *   <li>{@code /requests/unavailable}: answers 503 with {@code Retry-After: 7} and a problem of its own;</li>
 *   <li>{@link #closeReusedConnections(boolean)}: a request that arrives on a connection which already carried one is
 *       answered by closing that connection, unanswered: the server closed a kept-alive connection just as the gateway
 *       took it from its pool and wrote to it;</li>
 *   <li>anything else: 200 (201 for a POST) with the method, path, {@code Idempotency-Key} and body it got.</li>
 * </ul>
 * Every request is recorded with whether it was answered.
 */
public class FlakyService implements QuarkusTestResourceLifecycleManager {

    public static final long SLOW_MILLIS = 1500;

    /** One request as the service saw it. */
    public record Seen(String method, String path, String idempotencyKey, String body, boolean answered) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean CLOSE_REUSED = new AtomicBoolean();
    private static final Map<HttpConnection, AtomicInteger> EXCHANGES = new ConcurrentHashMap<>();
    private static final AtomicInteger BROKEN_OFF = new AtomicInteger();

    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(FlakyService::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the fake service did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "gateway.services.request", url,
                "gateway.services.deadline", url,
                "gateway.services.notification", url,
                "gateway.services.web", url,
                "gateway.backend.read-timeout", "5s",
                "gateway.backend.circuit-breaker.window", "4",
                "gateway.backend.circuit-breaker.failure-ratio", "0.5",
                "gateway.backend.circuit-breaker.delay", "10s");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    public static void closeReusedConnections(boolean close) {
        CLOSE_REUSED.set(close);
    }

    /**
     * Back to a well-behaved service with no history and no open connection: the gateway's pool starts empty (its
     * client sees each close at once; the pause leaves it the moment to drop them).
     */
    public static void forget() {
        CLOSE_REUSED.set(false);
        EXCHANGES.keySet().forEach(HttpConnection::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!EXCHANGES.isEmpty() && System.nanoTime() < deadline) {
            pause(20);
        }
        pause(200);
        SEEN.clear();
        BROKEN_OFF.set(0);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    /** Slow requests whose connection the gateway closed before they were answered. */
    public static int brokenOff() {
        return BROKEN_OFF.get();
    }

    private static void handle(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        int exchange = EXCHANGES.computeIfAbsent(connection, c -> {
            c.closeHandler(closed -> EXCHANGES.remove(c));
            return new AtomicInteger();
        }).incrementAndGet();
        request.body().onSuccess(body -> {
            String path = request.path();
            String key = request.getHeader("Idempotency-Key");
            if (path.startsWith("/q/health")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            if (CLOSE_REUSED.get() && exchange > 1) {
                SEEN.add(new Seen(request.method().name(), path, key, body.toString(), false));
                connection.close();
                return;
            }
            SEEN.add(new Seen(request.method().name(), path, key, body.toString(), true));
            if (path.startsWith("/requests/slow")) {
                request.response().closeHandler(closed -> {
                    if (!request.response().ended()) {
                        BROKEN_OFF.incrementAndGet();
                    }
                });
                vertx.setTimer(SLOW_MILLIS, t -> answer(request, key, body.toString()));
            } else if (path.equals("/requests/unavailable")) {
                request.response().setStatusCode(503).putHeader("Retry-After", "7")
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"The database cannot be reached\"}");
            } else {
                answer(request, key, body.toString());
            }
        });
    }

    private static void answer(HttpServerRequest request, String key, String body) {
        if (request.response().closed()) {
            return;
        }
        request.response().setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                .putHeader("Content-Type", "application/json")
                .end(new io.vertx.core.json.JsonObject().put("method", request.method().name()).put("path", request.path())
                        .put("idempotencyKey", key).put("body", body).encode());
    }
}
