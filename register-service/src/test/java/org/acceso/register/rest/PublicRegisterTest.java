package org.acceso.register.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.acceso.contracts.RequestPublished;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.acceso.register.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The register's list, search and filters, and embargoes, over a known set of publications of one agency code no
 * other test uses (each assertion filters on it, so other tests' publications never interfere).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicRegisterTest {

    static final String AGENCY = "REGTEST";
    static final String OTHER = "REGOTRA";
    static final ZoneId ROSARIO = ZoneId.of("America/Argentina/Cordoba");

    @Inject
    DataSource db;

    final List<String> tracking = new ArrayList<>();
    String embargoed;

    @BeforeAll
    void seed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(AGENCY, "Recolección de residuos en Fisherton",
                "Solicito los contratos de recolección de residuos del barrio Fisherton y su costo mensual.",
                "Se adjuntan los contratos de recolección vigentes.", "GRANTED", now.minus(40, ChronoUnit.DAYS));
        publish(AGENCY, "Alumbrado público",
                "¿Cuántas luminarias LED se instalaron en 2025 y cuánto costaron?",
                "Se instalaron 4.200 luminarias; la recolección de datos sigue.", "PARTIALLY_GRANTED",
                now.minus(30, ChronoUnit.DAYS));
        publish(AGENCY, "Sumarios internos",
                "Pido copia de los sumarios administrativos de 2024.",
                "Se deniega: contienen datos personales que no pueden disociarse.", "DENIED", now.minus(20, ChronoUnit.DAYS));
        publish(OTHER, "Residuos patológicos",
                "¿Quién recolecta los residuos patológicos de los hospitales municipales?",
                "Una empresa contratada por licitación.", "GRANTED", now.minus(10, ChronoUnit.DAYS));
        // embargoed until the day after tomorrow in Rosario
        String number = Publish.trackingNumber();
        embargoed = number;
        Publish.send(UUID.randomUUID(), Publish.published(number, AGENCY, "Plan de obras embargado",
                "Solicito el plan de obras de 2027.", "Se publicará cuando se apruebe.", "GRANTED", List.of(),
                LocalDate.now(ROSARIO).plusDays(2), now));
        Awaitility.await("the seed consumed").atMost(Duration.ofSeconds(60)).until(() ->
                Db.count(db, "SELECT count(*) FROM publication WHERE agency_code IN (?, ?)", AGENCY, OTHER) == 5);
    }

    private void publish(String agency, String subject, String question, String answer, String outcome, Instant filed) {
        String number = Publish.trackingNumber();
        tracking.add(number);
        RequestPublished event = Publish.published(number, agency, subject, question, answer, outcome, List.of(), null,
                filed.plus(20, ChronoUnit.DAYS));
        Publish.send(UUID.randomUUID(), event);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void shouldListTheAgencysRequestsNewestFirstWithATotal() {
        given().get("/public/requests?agency=" + AGENCY).then().statusCode(200)
                .body("total", equalTo(3))
                .body("totalExact", equalTo(true))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.trackingNumber", contains(tracking.get(2), tracking.get(1), tracking.get(0)))
                .body("items[0].subject", equalTo("Sumarios internos"))
                .body("items[0].questionExcerpt", equalTo("Pido copia de los sumarios administrativos de 2024."))
                .body("items[0].outcome", equalTo("DENIED"))
                .body("items[0].outcomeText.es", equalTo("Denegada por una excepción de la ley"))
                .body("items[0].agencyName", equalTo("Secretaría de " + AGENCY))
                .body("items[0].onTime", equalTo(true))
                .body("items[0].documents", equalTo(0))
                .body("items[0].href", equalTo("/api/public/requests/" + tracking.get(2)));
        given().get("/public/requests?agency=" + AGENCY + "&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.trackingNumber", contains(tracking.get(0)));
    }

    @Test
    void shouldSearchInSpanishIgnoringAccentsAndRankTheBestFirst() {
        // "recoleccion" without its accent, stemmed: matches recolección/recolecta in both agencies; Fisherton's
        // request has it in subject, question and answer, so it ranks first
        JsonPath found = given().get("/public/requests?q=recoleccion de residuos&agency=" + AGENCY).then().statusCode(200)
                .extract().jsonPath();
        assertThat(found.getList("items.trackingNumber", String.class)).containsExactly(tracking.get(0));
        given().get("/public/requests?q=recoleccion").then().statusCode(200)
                .body("items.trackingNumber", hasItem(tracking.get(0)))
                .body("items.trackingNumber", hasItem(tracking.get(1)));
        List<String> ranked = given().get("/public/requests?q=recolección&size=100").jsonPath()
                .getList("items.trackingNumber", String.class);
        assertThat(ranked.indexOf(tracking.get(0))).isLessThan(ranked.indexOf(tracking.get(1)));
        // web-search syntax: a phrase, and a word left out
        given().get("/public/requests?q=\"datos personales\"&agency=" + AGENCY).then()
                .body("items.trackingNumber", contains(tracking.get(2)));
        given().get("/public/requests?q=residuos -patológicos").then()
                .body("items.trackingNumber", hasItem(tracking.get(0)))
                .body("items.trackingNumber", not(hasItem(tracking.get(3))));
        // the answer is searched too
        given().get("/public/requests?q=licitación").then().body("items.trackingNumber", hasItem(tracking.get(3)));
        // only stop words: nothing
        given().get("/public/requests?q=de la&agency=" + AGENCY).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldFilterByOutcomeAndDayOfFiling() {
        given().get("/public/requests?agency=" + AGENCY + "&outcome=PARTIALLY_GRANTED").then()
                .body("items.trackingNumber", contains(tracking.get(1)));
        LocalDate second = LocalDate.ofInstant(Instant.now().minus(30, ChronoUnit.DAYS), ROSARIO);
        given().get("/public/requests?agency=" + AGENCY + "&from=" + second.minusDays(1) + "&to=" + second.plusDays(1))
                .then().body("items.trackingNumber", contains(tracking.get(1)));
        given().get("/public/requests?agency=" + AGENCY + "&from=" + second.plusDays(2)).then()
                .body("items.trackingNumber", contains(tracking.get(2)));
        given().get("/public/requests?outcome=GRANTED&agency=" + OTHER).then()
                .body("items.outcome", everyItem(equalTo("GRANTED")))
                .body("total", equalTo(1));
    }

    @Test
    void shouldShowAnEmbargoedRequestOnlyFromItsDate() {
        given().get("/public/requests/" + embargoed).then().statusCode(404).contentType("application/problem+json");
        given().get("/public/requests?agency=" + AGENCY + "&size=100").then().body("items.trackingNumber", not(hasItem(embargoed)));
        given().get("/public/requests?q=embargado").then().body("total", equalTo(0));
        given().get("/public/similar?text=Plan de obras embargado de 2027").then().body("items.trackingNumber",
                not(hasItem(embargoed)));
        assertThat(given().get("/public/open-data/requests.csv").asString()).doesNotContain(embargoed);

        TestClock.advance(Duration.ofDays(2));
        given().get("/public/requests/" + embargoed).then().statusCode(200).body("subject", equalTo("Plan de obras embargado"));
        given().get("/public/requests?q=embargado").then().body("items.trackingNumber", contains(embargoed));
        given().get("/public/similar?text=Plan de obras embargado de 2027").then().body("items[0].trackingNumber",
                equalTo(embargoed));
        assertThat(given().get("/public/open-data/requests.csv").asString()).contains(embargoed);
    }

    @Test
    void shouldAnswerAnUnknownTrackingNumberWithAProblem() {
        given().get("/public/requests/AIP-1999-000001").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no published request AIP-1999-000001"));
    }
}
