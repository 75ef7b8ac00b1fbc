package org.acceso.launcher;

import java.util.EnumSet;
import java.util.Set;

/**
 * Acceso's own services: each a Quarkus application packaged by its Maven module into
 * {@code <module>/target/quarkus-app/quarkus-run.jar} and configured only through the environment of
 * docs/runtime-contract.md ({@link Environment}). Adding a service is one entry here (the web front is one).
 */
public enum Service implements Component {
    REQUEST("request-service", 8081, "acceso_request", EnumSet.of(Needs.KAFKA), "GATEWAY_SERVICES_REQUEST"),
    DEADLINE("deadline-service", 8082, "acceso_deadline", EnumSet.of(Needs.KAFKA), "GATEWAY_SERVICES_DEADLINE"),
    NOTIFICATION("notification-service", 8083, "acceso_notification", EnumSet.of(Needs.KAFKA, Needs.MAIL),
            "GATEWAY_SERVICES_NOTIFICATION"),
    /** The public register: reads publication-events, copies documents from request-service, figures from deadline-service. */
    REGISTER("register-service", 8085, "acceso_register", EnumSet.of(Needs.KAFKA, Needs.SERVICES),
            "GATEWAY_SERVICES_REGISTER"),
    /** The web front: keeps no data, signs people in with the realm and calls the API through the gateway. */
    WEB("web", 8084, null, EnumSet.of(Needs.API), "GATEWAY_SERVICES_WEB"),
    GATEWAY("gateway", 8080, null, EnumSet.noneOf(Needs.class), null);

    /**
     * What a service needs besides Keycloak (every service checks tokens): the broker, the SMTP server, the API
     * through the gateway (a front calling it with the signed-in person's token), or other services' own routes called
     * directly with a client-credentials token of its realm client (the register: request-service's internal document
     * route, deadline-service's compliance figures).
     */
    public enum Needs { KAFKA, MAIL, API, SERVICES }

    private final String id;
    private final int defaultPort;
    private final String database;
    private final Set<Needs> needs;
    private final String gatewayVariable;

    Service(String id, int defaultPort, String database, Set<Needs> needs, String gatewayVariable) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.database = database;
        this.needs = needs;
        this.gatewayVariable = gatewayVariable;
    }

    @Override
    public String id() {
        return id;
    }

    /** The Maven module (folder of the repository) that builds it. */
    public String module() {
        return id;
    }

    /** Its HTTP port in docs/runtime-contract.md. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Its own database, whose owner has the same name; null when it keeps no data. */
    public String database() {
        return database;
    }

    public boolean needs(Needs what) {
        return needs.contains(what);
    }

    /** The gateway's variable holding this service's URL; null when the gateway does not route to it. */
    public String gatewayVariable() {
        return gatewayVariable;
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }
}
