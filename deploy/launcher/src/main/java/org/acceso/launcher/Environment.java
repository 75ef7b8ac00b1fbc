package org.acceso.launcher;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one description of each service's environment (docs/runtime-contract.md): {@code deploy/acceso}, the system
 * tests and, checked by a test, docker-compose.yml all start the services with exactly these variables.
 */
public final class Environment {

    public static final String DB_PASSWORD = "acceso";
    public static final String GATEWAY_CLIENT_SECRET = "acceso-gateway-secret";
    /** The demo realm's secret of {@code acceso-staff-directory}, the client request-service reads the staff with. */
    public static final String STAFF_DIRECTORY_SECRET = "acceso-staff-directory-secret";
    public static final String MAIL_FROM_ADDRESS = "no-reply@acceso.example.org";
    public static final String MAIL_FROM = "Acceso <" + MAIL_FROM_ADDRESS + ">";

    /** JVM options of every service: small heaps, the serial collector (docker-compose.yml's JAVA_OPTS start so). */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /** Prefixes of variables that configure a part; a part never inherits them from the launcher's caller. */
    public static final List<String> CONFIG_PREFIXES = List.of("QUARKUS_", "KAFKA_", "GATEWAY_", "ACCESO_", "KC_",
            "KEYCLOAK_", "JAVA_OPTS", "REQUEST_", "DEADLINE_", "NOTIFICATION_", "WEB_", "MP_", "SMALLRYE_");

    private Environment() {
    }

    /** The variables {@code service} is started with, for parts reachable at {@code at}. */
    public static Map<String, String> of(Service service, Addresses at) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", at.bindHost());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(at.httpPort(service)));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", at.realmUrl());
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", at.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
        }
        if (service.needs(Service.Needs.KAFKA)) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", at.kafkaBootstrap());
        }
        if (service == Service.REQUEST) {
            // the staff directory: Keycloak's admin API (the server, not the realm: the admin client adds the paths)
            env.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", at.realmUrl().substring(0, at.realmUrl().indexOf("/realms/")));
            env.put("ACCESO_STAFF_DIRECTORY_SECRET", STAFF_DIRECTORY_SECRET);
        }
        if (service.needs(Service.Needs.MAIL)) {
            env.put("QUARKUS_MAILER_HOST", at.smtpHost());
            env.put("QUARKUS_MAILER_PORT", String.valueOf(at.smtpPort()));
            env.put("QUARKUS_MAILER_FROM", MAIL_FROM);
            env.put("NOTIFICATION_MAIL_PORTAL_URL", at.publicGatewayUrl());
        }
        if (service.needs(Service.Needs.API)) {
            env.put("WEB_API_URL", at.url(Service.GATEWAY) + "/api");
        }
        if (service.isGateway()) {
            for (Service target : Service.values()) {
                if (target.gatewayVariable() != null) {
                    env.put(target.gatewayVariable(), at.url(target));
                }
            }
            env.put("ACCESO_GATEWAY_SECRET", GATEWAY_CLIENT_SECRET);
        }
        return Collections.unmodifiableMap(env);
    }

    /**
     * The variables Keycloak is started with besides its own: the SMTP server through which the realm sends its account
     * e-mails (address confirmation, password reset). deploy/keycloak/acceso-realm.json reads them as
     * {@code ${ACCESO_SMTP_*}} placeholders when Keycloak imports it, so the one realm file serves every stack.
     */
    public static Map<String, String> keycloak(Addresses at) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCESO_SMTP_HOST", at.smtpHost());
        env.put("ACCESO_SMTP_PORT", String.valueOf(at.smtpPort()));
        env.put("ACCESO_SMTP_FROM", MAIL_FROM_ADDRESS);
        return Collections.unmodifiableMap(env);
    }

    /** SQL that creates each service's database and its owner (PostgreSQL single-user mode and compose's init script). */
    public static List<String> databaseStatements() {
        return java.util.Arrays.stream(Service.values())
                .filter(service -> service.database() != null)
                .flatMap(service -> java.util.stream.Stream.of(
                        "CREATE ROLE " + service.database() + " LOGIN PASSWORD '" + DB_PASSWORD + "';",
                        "CREATE DATABASE " + service.database() + " OWNER " + service.database() + ";"))
                .toList();
    }
}
