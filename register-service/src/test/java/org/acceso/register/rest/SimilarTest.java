package org.acceso.register.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** "Has this been asked before?" over a small register whose questions overlap on purpose. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarTest {

    @Inject
    DataSource db;

    final List<String> tracking = new ArrayList<>();

    @BeforeAll
    void seed() {
        ask("Subsidios al transporte urbano de pasajeros",
                "Solicito el monto de los subsidios al transporte urbano de pasajeros pagados a cada empresa en 2025.");
        ask("Boleto educativo gratuito",
                "¿Cuántos estudiantes usaron el boleto educativo gratuito en los colectivos durante 2025?");
        ask("Frecuencia de colectivos en zona oeste",
                "Pido los informes de frecuencia de los colectivos de la línea 146 en la zona oeste.");
        ask("Poda de árboles en barrio Echesortu",
                "Solicito el cronograma de poda del arbolado público en el barrio Echesortu.");
        ask("Subsidio a clubes de barrio",
                "¿Qué clubes de barrio recibieron subsidios municipales en 2024 y por qué montos?");
        ask("Habilitación de locales bailables",
                "Pido el listado de locales bailables habilitados y sus inspecciones de seguridad.");
        Awaitility.await("the seed consumed").atMost(Duration.ofSeconds(60)).until(() ->
                Db.count(db, "SELECT count(*) FROM publication WHERE agency_code = 'SIMTEST'") == tracking.size());
    }

    private void ask(String subject, String question) {
        String number = Publish.trackingNumber();
        tracking.add(number);
        Publish.send(UUID.randomUUID(), Publish.answered(number, "SIMTEST", subject, question, "Respondida.", "GRANTED"));
    }

    @Test
    void shouldSuggestTheSameQuestionAskedInOtherWordsFirst() {
        JsonPath similar = given().get("/public/similar?text=Quiero saber cuánto dinero de subsidios recibieron las empresas "
                + "de transporte urbano en 2025").then().statusCode(200).extract().jsonPath();
        List<String> found = similar.getList("items.trackingNumber", String.class);
        assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(found.get(0)).isEqualTo(tracking.get(0));
        assertThat(similar.getString("items[0].subject")).isEqualTo("Subsidios al transporte urbano de pasajeros");
        assertThat(similar.getString("items[0].href")).isEqualTo("/api/public/requests/" + tracking.get(0));
        assertThat(similar.getString("items[0].outcome")).isEqualTo("GRANTED");
        List<Double> scores = similar.getList("items.score", Double.class);
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(0.1, 1.0));
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void shouldFindItWithoutAccentsAndWithTheSubjectOnly() {
        given().get("/public/similar?text=poda arboles echesortu").then().statusCode(200)
                .body("items[0].trackingNumber", equalTo(tracking.get(3)));
        given().get("/public/similar?text=Boleto educativo").then().statusCode(200)
                .body("items[0].trackingNumber", equalTo(tracking.get(1)));
    }

    @Test
    void shouldSuggestNothingForAnUnrelatedText() {
        given().get("/public/similar?text=Horario de atención del cementerio de La Piedad").then().statusCode(200)
                .body("items", hasSize(0));
        given().get("/public/similar?text=de la y el").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldNeedAText() {
        given().get("/public/similar").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text"));
        given().get("/public/similar?text=" + "a".repeat(2001)).then().statusCode(400)
                .body("violations[0].message", equalTo("must be at most 2000 characters"));
    }
}
