package org.acceso.register.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The register's window, made small (4): past it the total reads "more than" and a search is newest first instead of
 * ranked, so that no call counts or ranks the whole register; a page past it is refused.
 */
@QuarkusTest
@TestProfile(RegisterWindowTest.SmallWindow.class)
class RegisterWindowTest {

    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("register.search.max-window", "4");
        }
    }

    @Inject
    DataSource db;

    @Test
    void shouldCountUpToTheWindowAndListNewestFirstPastIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> tracking = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String number = Publish.trackingNumber();
            tracking.add(number);
            // the oldest one says "semáforo" three times: it would rank first
            String question = i == 0 ? "Semáforo, semáforo y semáforo de la esquina." : "¿Dónde hay un semáforo nuevo?";
            Publish.send(UUID.randomUUID(), Publish.published(number, "VENTANA", "Semáforos", question, "Respondida.",
                    "GRANTED", List.of(), null, now.minus(60 - i, ChronoUnit.DAYS))); // filed 20 days before
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.count(db, "SELECT count(*) FROM publication WHERE agency_code = 'VENTANA'") == 6);

        given().get("/public/requests?agency=VENTANA&q=semáforo&size=2").then().statusCode(200)
                .body("total", equalTo(4))
                .body("totalExact", equalTo(false))
                .body("items.trackingNumber", contains(tracking.get(5), tracking.get(4)));
        given().get("/public/requests?agency=VENTANA&q=semáforo&size=2&page=1").then().statusCode(200)
                .body("items.trackingNumber", contains(tracking.get(3), tracking.get(2)));
        given().get("/public/requests?agency=VENTANA&q=semáforo&size=2&page=2").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
        // within the window (the three oldest, filed 80 to 78 days ago): exact, and ranked
        ZoneId rosario = ZoneId.of("America/Argentina/Cordoba");
        given().get("/public/requests?agency=VENTANA&q=semáforo&size=4"
                        + "&from=" + LocalDate.ofInstant(now.minus(80, ChronoUnit.DAYS), rosario)
                        + "&to=" + LocalDate.ofInstant(now.minus(78, ChronoUnit.DAYS), rosario)).then().statusCode(200)
                .body("total", equalTo(3))
                .body("totalExact", equalTo(true))
                .body("items[0].trackingNumber", equalTo(tracking.get(0)));
    }
}
