package org.acceso.launcher;

/** The addresses inside docker-compose.yml's network: the hosts are the compose service names. */
final class ComposeAddresses implements Addresses {

    @Override
    public String bindHost() {
        return "0.0.0.0";
    }

    @Override
    public int httpPort(Service service) {
        return service.defaultPort();
    }

    @Override
    public String url(Service service) {
        return "http://" + service.id() + ":" + service.defaultPort();
    }

    @Override
    public String publicGatewayUrl() {
        return "http://localhost:" + Service.GATEWAY.defaultPort();
    }

    @Override
    public String realmUrl() {
        return "http://keycloak:8180/realms/" + Layout.REALM;
    }

    @Override
    public String kafkaBootstrap() {
        return "kafka:9092";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://postgres:5432/" + database;
    }

    @Override
    public String smtpHost() {
        return "mailpit";
    }

    @Override
    public int smtpPort() {
        return 1025;
    }
}
