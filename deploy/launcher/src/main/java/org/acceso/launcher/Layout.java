package org.acceso.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every port of one running system, all on 127.0.0.1: either the fixed ports of docs/runtime-contract.md
 * ({@link #fixed()}, what {@code deploy/acceso up} uses) or free ports picked at start ({@link #free()}, what the
 * system tests use, so that a run never clashes with a running stack or another run).
 */
public final class Layout implements Addresses {

    public static final String HOST = "127.0.0.1";
    public static final String REALM = "acceso";

    /** Port names besides the services' own (a service's port is named by its id). */
    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String KEYCLOAK = "keycloak";
    public static final String SMTP = "smtp";
    public static final String MAIL_API = "mail-api";

    private static final Map<String, Integer> CONTRACT;

    static {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(POSTGRES, 15432);
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER, 9093);
        ports.put(KEYCLOAK, 8180);
        ports.put(SMTP, 2525);
        ports.put(MAIL_API, 8025);
        for (Service service : Service.values()) {
            ports.put(service.id(), service.defaultPort());
        }
        CONTRACT = Collections.unmodifiableMap(ports);
    }

    private final Map<String, Integer> ports;

    private Layout(Map<String, Integer> ports) {
        this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /** The ports of docs/runtime-contract.md. */
    public static Layout fixed() {
        return new Layout(CONTRACT);
    }

    /** A free port of 127.0.0.1 for every part. */
    public static Layout free() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        CONTRACT.keySet().forEach(name -> ports.put(name, freePort()));
        return new Layout(ports);
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port named " + name);
        }
        return port;
    }

    /** The ports a component listens on (checked to be free before it starts). */
    public List<Integer> portsOf(Component component) {
        if (component instanceof Service service) {
            return List.of(httpPort(service));
        }
        return switch ((Infrastructure) component) {
            case POSTGRES -> List.of(port(POSTGRES));
            case KAFKA -> List.of(port(KAFKA), port(KAFKA_CONTROLLER));
            case KEYCLOAK -> List.of(port(KEYCLOAK));
            case MAIL -> List.of(port(SMTP), port(MAIL_API));
        };
    }

    @Override
    public String bindHost() {
        return HOST;
    }

    @Override
    public int httpPort(Service service) {
        return port(service.id());
    }

    @Override
    public String url(Service service) {
        return "http://" + HOST + ":" + httpPort(service);
    }

    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    @Override
    public String publicGatewayUrl() {
        return gatewayUrl();
    }

    public String keycloakUrl() {
        return "http://" + HOST + ":" + port(KEYCLOAK);
    }

    /** The tokens' issuer: Keycloak's hostname is pinned to this address, whatever host a client uses. */
    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    @Override
    public String realmUrl() {
        return issuer();
    }

    @Override
    public String kafkaBootstrap() {
        return HOST + ":" + port(KAFKA);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port(POSTGRES) + "/" + database;
    }

    @Override
    public String smtpHost() {
        return HOST;
    }

    @Override
    public int smtpPort() {
        return port(SMTP);
    }

    /** GreenMail's REST API ({@code /api/user/<address>/messages/}, {@code /api/mail/purge}). */
    public String mailApiUrl() {
        return "http://" + HOST + ":" + port(MAIL_API);
    }

    /**
     * A free port for a throw-away stack. It comes from below Linux's ephemeral range (32768–60999 by default): the
     * kernel never gives those to outgoing connections, so a port found free stays free while the components start
     * (one from {@code new ServerSocket(0)} is ephemeral and can be taken by any client's connection meanwhile). One
     * JVM never hands out the same port twice; concurrent JVMs start at random points of the range.
     */
    static int freePort() {
        int span = LAST_FREE_PORT - FIRST_FREE_PORT;
        for (int tries = 0; tries < span; tries++) {
            int port = FIRST_FREE_PORT + Math.floorMod(NEXT_FREE_PORT.getAndIncrement(), span);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port on " + HOST + " between " + FIRST_FREE_PORT
                + " and " + LAST_FREE_PORT));
    }

    private static final int FIRST_FREE_PORT = 20_000;
    private static final int LAST_FREE_PORT = 32_000;
    private static final AtomicInteger NEXT_FREE_PORT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(LAST_FREE_PORT - FIRST_FREE_PORT));

    @Override
    public String toString() {
        return "Layout" + ports;
    }
}
