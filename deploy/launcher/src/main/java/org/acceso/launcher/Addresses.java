package org.acceso.launcher;

/**
 * Where the parts reach each other: hosts and ports as one service sees them. On one machine every part is on
 * 127.0.0.1 ({@link Layout}); under Docker Compose the hosts are the compose service names.
 */
public interface Addresses {

    /** The address a service binds its HTTP server to. */
    String bindHost();

    /** The port a service listens on. */
    int httpPort(Service service);

    /** The base URL other parts use to call {@code service}. */
    String url(Service service);

    /** The gateway as people's browsers reach it (links in e-mails). */
    String publicGatewayUrl();

    /** Keycloak's realm URL the services discover from (and, on one machine, the tokens' issuer). */
    String realmUrl();

    String kafkaBootstrap();

    String jdbcUrl(String database);

    String smtpHost();

    int smtpPort();
}
