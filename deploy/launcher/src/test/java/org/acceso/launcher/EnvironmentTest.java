package org.acceso.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    private final Layout layout = Layout.fixed();

    @Test
    void shouldGiveEachServiceItsOwnDatabaseAndKafkaOnlyWhereNeeded() {
        Map<String, String> request = Environment.of(Service.REQUEST, layout);
        assertThat(request)
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_HTTP_PORT", "8081")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:8180/realms/acceso")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/acceso_request")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "acceso_request")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "acceso")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", "http://127.0.0.1:8180")
                .containsEntry("ACCESO_STAFF_DIRECTORY_SECRET", "acceso-staff-directory-secret")
                .doesNotContainKey("QUARKUS_MAILER_HOST");
        assertThat(Environment.of(Service.NOTIFICATION, layout))
                .doesNotContainKeys("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", "ACCESO_STAFF_DIRECTORY_SECRET");
        assertThat(Environment.of(Service.GATEWAY, layout))
                .doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldGiveOnlyTheNotificationServiceTheMailerAndThePortal() {
        assertThat(Environment.of(Service.NOTIFICATION, layout))
                .containsEntry("QUARKUS_MAILER_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MAILER_PORT", "2525")
                .containsEntry("QUARKUS_MAILER_FROM", "Acceso <no-reply@acceso.example.org>")
                .containsEntry("NOTIFICATION_MAIL_PORTAL_URL", "http://127.0.0.1:8080");
    }

    @Test
    void shouldGiveTheWebFrontTheRealmAndTheApiThroughTheGatewayAndNothingElse() {
        Layout free = Layout.free();
        assertThat(Environment.of(Service.WEB, free)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(free.httpPort(Service.WEB)),
                "QUARKUS_OIDC_AUTH_SERVER_URL", free.issuer(),
                "WEB_API_URL", free.gatewayUrl() + "/api"));
        assertThat(Environment.of(Service.GATEWAY, layout)).containsEntry("GATEWAY_SERVICES_WEB", "http://127.0.0.1:8084");
    }

    @Test
    void shouldRouteTheGatewayToEveryServiceThatHasARoute() {
        Layout free = Layout.free();
        Map<String, String> gateway = Environment.of(Service.GATEWAY, free);
        for (Service service : Service.values()) {
            if (service.gatewayVariable() != null) {
                assertThat(gateway).containsEntry(service.gatewayVariable(), "http://127.0.0.1:" + free.httpPort(service));
            }
        }
        assertThat(gateway).containsEntry("ACCESO_GATEWAY_SECRET", "acceso-gateway-secret")
                .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(free.httpPort(Service.GATEWAY)));
    }

    @Test
    void shouldGiveKeycloakTheStacksSmtpServerForTheRealmsEmails() {
        Layout free = Layout.free();
        assertThat(Environment.keycloak(free)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ACCESO_SMTP_HOST", "127.0.0.1",
                "ACCESO_SMTP_PORT", String.valueOf(free.smtpPort()),
                "ACCESO_SMTP_FROM", "no-reply@acceso.example.org"));
        assertThat(Environment.keycloak(free).get("ACCESO_SMTP_FROM"))
                .as("the realm's e-mails come from the same address as the notices")
                .isEqualTo(Environment.MAIL_FROM_ADDRESS);
    }

    @Test
    void shouldCreateOneDatabaseAndOwnerPerServiceThatKeepsData() {
        assertThat(Environment.databaseStatements()).containsExactly(
                "CREATE ROLE acceso_request LOGIN PASSWORD 'acceso';",
                "CREATE DATABASE acceso_request OWNER acceso_request;",
                "CREATE ROLE acceso_deadline LOGIN PASSWORD 'acceso';",
                "CREATE DATABASE acceso_deadline OWNER acceso_deadline;",
                "CREATE ROLE acceso_notification LOGIN PASSWORD 'acceso';",
                "CREATE DATABASE acceso_notification OWNER acceso_notification;");
    }
}
