package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RequestResourceTest {

    static final String ANA = TestTokens.resident("ana-sub", "ana@example.org");
    static final String BEN = TestTokens.resident("ben-sub", "ben@example.org");
    static final String NO_EMAIL = TestTokens.resident("nomail-sub", null);
    static final String CLERK = TestTokens.token("carla-sub", "carla@example.org", "clerk");
    static final Map<String, Object> VALID = Map.of(
            "subject", "Contratos de recolección de residuos",
            "description", "Copia de los contratos vigentes y sus anexos.",
            "language", "es");

    static Response file(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/requests");
    }

    @Test
    void shouldFileARequestAndGiveAReceipt() {
        Response response = file(ANA, Map.of("subject", "  Presupuesto 2026  ", "description", "El presupuesto ejecutado.",
                "agencyCode", "HACIENDA"));

        response.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/requests/[0-9a-f-]{36}"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("trackingNumber", matchesPattern("AIP-\\d{4}-\\d{6}"))
                .body("status", equalTo("RECEIVED"))
                .body("subject", equalTo("Presupuesto 2026"))
                .body("description", equalTo("El presupuesto ejecutado."))
                .body("agencyCode", equalTo("HACIENDA"))
                .body("language", equalTo("es"))
                .body("contactEmail", equalTo("ana@example.org"))
                .body("filedAt", not(nullValue()))
                .body("dueOn", nullValue())
                .body("dueAt", nullValue());
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/requests/" + id);
    }

    @Test
    void shouldNumberRequestsOneAfterTheOtherWithinTheYear() {
        String first = file(ANA, VALID).then().statusCode(201).extract().path("trackingNumber");
        String second = file(BEN, VALID).then().statusCode(201).extract().path("trackingNumber");

        assertThat(second.substring(0, 9)).isEqualTo(first.substring(0, 9));
        assertThat(Integer.parseInt(second.substring(9))).isEqualTo(Integer.parseInt(first.substring(9)) + 1);
    }

    @Test
    void shouldSendNoticesToTheContactEmailGiven() {
        file(ANA, Map.of("subject", "s", "description", "d", "contactEmail", "ana.work@example.org", "language", "en"))
                .then().statusCode(201)
                .body("contactEmail", equalTo("ana.work@example.org"))
                .body("language", equalTo("en"));
    }

    @Test
    void shouldAskForAContactEmailWhenTheAccountHasNone() {
        file(NO_EMAIL, VALID).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("contactEmail"));
    }

    @Test
    void shouldShowARequestToItsRequesterOnly() {
        String id = file(ANA, VALID).then().statusCode(201).extract().path("id");

        given().auth().oauth2(ANA).get("/requests/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("subject", equalTo("Contratos de recolección de residuos"));
        given().auth().oauth2(BEN).get("/requests/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", endsWith("/requests/" + id));
    }

    @Test
    void shouldListOnlyTheRequesterOwnRequests() {
        String anas = file(ANA, VALID).then().statusCode(201).extract().path("id");
        String bens = file(BEN, VALID).then().statusCode(201).extract().path("id");

        given().auth().oauth2(BEN).get("/requests/mine").then().statusCode(200)
                .body("id", hasItem(bens))
                .body("id", not(hasItem(anas)))
                .body("contactEmail", not(hasItem("ana@example.org")));
    }

    @Test
    void shouldAnswer404ForAnIdThatIsNoUuid() {
        given().auth().oauth2(ANA).get("/requests/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectABlankSubjectWithTheViolation() {
        file(ANA, Map.of("subject", " ", "description", "d")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("subject"))
                .body("violations[0].message", equalTo("must not be blank"));
    }

    @Test
    void shouldRejectA200KilobyteDescription() {
        file(ANA, Map.of("subject", "s", "description", "x".repeat(200_000))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("description"))
                .body("violations[0].message", equalTo("must be at most 20000 characters"));
    }

    @Test
    void shouldRejectAnUnknownLanguage() {
        file(ANA, Map.of("subject", "s", "description", "d", "language", "fr")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("language"))
                .body("violations[0].message", equalTo("must be es or en"));
    }

    @Test
    void shouldRejectMalformedJsonWithoutLeakingInternals() {
        String body = file(ANA, "{\"subject\": \"s\", ").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not well-formed JSON"))
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("com.fasterxml");
    }

    @Test
    void shouldRejectAFieldOfTheWrongType() {
        file(ANA, "{\"subject\": [1, 2], \"description\": \"d\"}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("subject"));
    }

    @Test
    void shouldRejectAMissingBody() {
        given().auth().oauth2(ANA).contentType(ContentType.JSON).post("/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].message", equalTo("a JSON body is required"));
    }

    @Test
    void shouldRefuseAnonymousFilingWithAProblem() {
        given().contentType(ContentType.JSON).body(VALID).post("/requests").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        given().auth().oauth2("not-a-token").get("/requests/mine").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldFileInTheLanguageTheResidentKeepsInTheirAccountWhenTheFilingNamesNone() {
        String english = TestTokens.token("ben-en-sub", "ben@example.org", Map.of("locale", "en"), "resident");
        String portuguese = TestTokens.token("rui-pt-sub", "rui@example.org", Map.of("locale", "pt-BR"), "resident");
        Map<String, Object> withoutLanguage = Map.of("subject", "Horarios del CEMAR", "description", "Horarios de atención.");

        file(english, withoutLanguage).then().statusCode(201).body("language", equalTo("en"));
        file(english, Map.of("subject", "s", "description", "d", "language", "es")).then().statusCode(201)
                .body("language", equalTo("es"));
        file(portuguese, withoutLanguage).then().statusCode(201).body("language", equalTo("es"));
    }

    @Test
    void shouldTreatAClerkWhoAlsoHasTheResidentRoleAsAClerkOnly() {
        // an account made in Keycloak's console keeps the realm's default role resident unless it is taken away
        String clerkAndResident = TestTokens.token("dora-sub", "dora@example.org", Map.of("agency", "OBRAS"),
                "clerk", "resident");
        String coordinator = TestTokens.token("elena-sub", "elena@example.org", "coordinator");
        String marker = "zq" + System.nanoTime();

        file(clerkAndResident, Map.of("subject", "Pedido de " + marker, "description", "d")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(clerkAndResident).get("/requests/mine").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(clerkAndResident).get("/requests").then().statusCode(200);
        given().auth().oauth2(coordinator).queryParam("q", marker).get("/requests").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRefuseFilingByAClerkWithAProblem() {
        file(CLERK, VALID).then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }
}
