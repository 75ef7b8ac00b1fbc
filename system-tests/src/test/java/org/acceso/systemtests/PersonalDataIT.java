package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.acceso.launcher.Environment;
import org.acceso.launcher.Service;
import org.acceso.launcher.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law 25.326 against the real system. {@code GET /api/me/personal-data} through the gateway gathers the caller's
 * account, requests and notices from every service. Then the retention rule, with a retention of zero: request-service
 * is restarted with {@code ACCESO_RETENTION_REQUESTER_DATA=PT0S} (and restored after), and every row of each service's
 * database, read as text as a dump would print it, no longer holds the name, e-mail, postal address, phone or document
 * number of the requester Carla registered; the compliance figures are what they were.
 */
@ExtendWith(SharedSystem.class)
class PersonalDataIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldGiveTheCallerEverythingAccesoHoldsAboutThemInOneDocument() {
        Response filed = as("ana").body(Map.of("subject", "Planos del parque " + UUID.randomUUID().toString().substring(0, 6),
                "description", "Copia de los planos.", "agencyCode", "OBRAS")).post("/api/requests");
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        String tracking = filed.jsonPath().getString("trackingNumber");
        awaitOrFail("ana's receipt of " + tracking, WAIT, () -> SharedSystem.get().mailbox().to("ana@example.org", tracking),
                mails -> !mails.isEmpty());

        JsonPath document = awaitOrFail("ana's personal data naming " + tracking, WAIT,
                () -> ok(as("ana").get("/api/me/personal-data")),
                data -> data.getList("notices.subject", String.class).stream().anyMatch(s -> s.contains(tracking)));

        assertThat(document.getString("account.preferred_username")).isEqualTo("ana");
        assertThat(document.getString("account.email")).isEqualTo("ana@example.org");
        assertThat(document.getList("account.roles", String.class)).contains("resident");
        assertThat(document.getList("requests.request.trackingNumber", String.class)).contains(tracking);
        assertThat(document.getList("requests.request.contactEmail", String.class)).containsOnly("ana@example.org");
        assertThat(document.getList("notificationContacts.trackingNumber", String.class)).contains(tracking);
        assertThat(document.getList("notices.recipient", String.class)).contains("ana@example.org");
        assertThat(document.getList("sources", String.class))
                .containsExactly("token", "request-service", "notification-service");
        assertProblem(Gateway.anonymous().get("/api/me/personal-data"), 401);
    }

    @Test
    void shouldLeaveNoRequesterDataInAnyDatabaseWithARetentionOfZeroAndKeepTheFigures() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String digits = tag.chars().mapToObj(c -> String.valueOf(Math.abs(c) % 10)).reduce("", String::concat);
        String name = "Rosa Olvido" + tag;
        String email = "rosa.olvido." + tag + "@example.org";
        String address = "Pasaje Olvidado " + tag + ", Rosario";
        String phone = "+54 341 " + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "9";
        String documentNumber = "27." + digits.substring(0, 3) + "." + digits.substring(3, 6);
        List<String> requester = List.of(name, email, address, phone, documentNumber);
        Map<String, Object> registration = new HashMap<>(Map.of("subject", "Expedientes de bacheo " + tag,
                "description", "Copia de los expedientes de bacheo de 2025.", "channel", "IN_PERSON"));
        registration.put("requester", Map.of("name", name, "email", email, "postalAddress", address, "phone", phone,
                "documentNumber", documentNumber));
        Response registered = as("carla").body(registration).post("/api/requests");
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        String id = registered.jsonPath().getString("id");
        String tracking = registered.jsonPath().getString("trackingNumber");
        ok(as("carla").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/" + id + "/assignment"));
        ok(as("carla").body(Map.of("outcome", "GRANTED", "text", "Se adjunta lo pedido.")).post("/api/requests/" + id + "/answer"));
        awaitOrFail("the receipt and the answer e-mailed to " + email, WAIT,
                () -> SharedSystem.get().mailbox().to(email, tracking), mails -> mails.size() >= 2);
        Map<Service, List<String>> before = new HashMap<>();
        for (Service service : List.of(Service.REQUEST, Service.NOTIFICATION)) {
            before.put(service, found(service, requester));
        }
        assertThat(before.get(Service.REQUEST)).as("request-service before").contains(name, email, address, phone, documentNumber);
        assertThat(before.get(Service.NOTIFICATION)).as("notification-service before").contains(name, email);
        Map<String, Object> figures = figures();

        Stack stack = SharedSystem.get().stack();
        try {
            stack.restart(Service.REQUEST, Map.of("ACCESO_RETENTION_REQUESTER_DATA", "PT0S",
                    "REQUEST_RETENTION_EVERY", "2s", "REQUEST_RETENTION_DELAY", "1s"));
            for (Service service : List.of(Service.REQUEST, Service.NOTIFICATION, Service.DEADLINE)) {
                awaitOrFail(service.id() + "'s database without the requester's data", WAIT,
                        () -> found(service, requester), List::isEmpty);
            }
        } finally {
            stack.restart(Service.REQUEST); // the shared system's own retention again
        }

        JsonPath after = ok(as("elena").get("/api/requests/" + id));
        assertThat(after.getString("requesterName")).matches("anon-[0-9a-f]{16}");
        assertThat(after.getString("trackingNumber")).isEqualTo(tracking);
        assertThat(after.getString("status")).isEqualTo("ANSWERED");
        assertThat(figures()).as("compliance figures").isEqualTo(figures);
    }

    /** OBRAS' compliance figures, without the instant they were computed at. */
    private static Map<String, Object> figures() {
        // every request of the system tests is filed today: the last year up to tomorrow holds them all
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> figures = new HashMap<>(ok(as("fede").queryParam("agency", "OBRAS")
                .queryParam("from", today.minusYears(1).toString()).queryParam("to", today.plusDays(1).toString())
                .get("/api/compliance/summary")).getMap("$"));
        figures.remove("asOf");
        return figures;
    }

    /** Which of {@code needles} some row of the service's database holds: every row of every table, read as text. */
    private static List<String> found(Service service, List<String> needles) throws SQLException {
        String url = SharedSystem.get().stack().layout().jdbcUrl(service.database());
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, service.database(), Environment.DB_PASSWORD)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (PreparedStatement statement = connection.prepareStatement("SELECT t::text FROM public." + quoted + " t");
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String row = rows.getString(1).toLowerCase(Locale.ROOT);
                        for (String needle : needles) {
                            if (row.contains(needle.toLowerCase(Locale.ROOT)) && !found.contains(needle)) {
                                found.add(needle);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
