package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.request.Fixture;
import org.acceso.request.domain.Move;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.FEDE;
import static org.acceso.request.Fixture.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The list of requests: who sees which, filters, Spanish full-text search, paging with a total, sorting. */
@QuarkusTest
class RequestListTest {

    /** A word no other test uses, so searches see only this test's requests. */
    static final String MARK = "zq" + UUID.randomUUID().toString().substring(0, 8);

    static String file(String token, String agency, String subject, String description) {
        return as(token).body(agency == null ? Map.of("subject", subject, "description", description)
                        : Map.of("subject", subject, "description", description, "agencyCode", agency))
                .post("/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldSearchSubjectAndDescriptionInSpanish() {
        String contracts = file(ANA, "OBRAS", "Contratos de recolección " + MARK, "Copia de los contratos vigentes.");
        String budget = file(BEN, "HACIENDA", "Presupuesto " + MARK, "Ejecución presupuestaria de los residuos urbanos.");

        as(ELENA).queryParam("q", "contrato " + MARK).get("/requests").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(contracts));
        as(ELENA).queryParam("q", "residuo " + MARK).get("/requests").then().statusCode(200)
                .body("items.id", contains(budget));
        as(ELENA).queryParam("q", MARK + " -presupuesto").get("/requests").then().statusCode(200)
                .body("items.id", hasItem(contracts)).body("items.id", not(hasItem(budget)));
        as(ELENA).queryParam("q", "'; DROP TABLE information_request; -- " + MARK).get("/requests").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldShowEachCallerOnlyWhatTheyMaySee() {
        String anas = file(ANA, "OBRAS", "Obras " + MARK, "Lista de obras.");
        String bens = file(BEN, "SALUD", "Salud " + MARK, "Lista de centros de salud.");

        as(ANA).queryParam("q", MARK).get("/requests").then().statusCode(200)
                .body("items.id", hasItem(anas)).body("items.id", not(hasItem(bens)));
        as(CARLA).queryParam("q", MARK).get("/requests").then().statusCode(200)
                .body("items.id", hasItem(anas)).body("items.agencyCode", everyItem(equalTo("OBRAS")));
        as(DIEGO).queryParam("q", MARK).get("/requests").then().statusCode(200)
                .body("items.id", contains(bens));
        as(DIEGO).queryParam("agency", "OBRAS").get("/requests").then().statusCode(403)
                .contentType("application/problem+json");
        as(FEDE).queryParam("q", MARK).get("/requests").then().statusCode(200)
                .body("items.id", hasItem(anas)).body("items.id", hasItem(bens));
    }

    @Test
    void shouldFilterByAgencyStatusAndAssignee() {
        String routed = file(ANA, null, "Ruteada " + MARK, "Para rutear.");
        String waiting = file(ANA, null, "En espera " + MARK, "Sin rutear.");
        Fixture.post(ELENA, routed, "/assignment", Map.of("agencyCode", "OBRAS")).then().statusCode(200);
        as(ELENA).queryParam("q", MARK).queryParam("status", "RECEIVED").get("/requests").then()
                .body("items.id", hasItem(waiting)).body("items.id", not(hasItem(routed)));
        as(ELENA).queryParam("q", MARK).queryParam("agency", "OBRAS").queryParam("status", "ASSIGNED").get("/requests").then()
                .body("items.id", contains(routed));
        as(ELENA).queryParam("status", "LOST").get("/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void shouldPageWithATotalAndSortByFilingTime() {
        List<String> ids = List.of(file(ANA, "OBRAS", "Uno " + MARK, "a"), file(ANA, "OBRAS", "Dos " + MARK, "b"),
                file(ANA, "OBRAS", "Tres " + MARK, "c"));

        as(ELENA).queryParam("q", MARK).queryParam("sort", "filedAt").queryParam("size", 2).get("/requests").then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("size", equalTo(2))
                .body("items", hasSize(2));
        as(ELENA).queryParam("q", MARK).queryParam("sort", "-filedAt").queryParam("size", 1).get("/requests").then()
                .body("items.id", contains(ids.get(2)));
        as(ELENA).queryParam("q", "tres " + MARK).get("/requests").then().body("items.id", contains(ids.get(2)));
        as(ELENA).queryParam("sort", "subject").get("/requests").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        as(ELENA).queryParam("size", 1000).get("/requests").then().statusCode(400)
                .contentType("application/problem+json");
        as(ELENA).queryParam("dueBefore", "mañana").get("/requests").then().statusCode(400)
                .body("violations[0].message", containsString("instant"));
    }

    @Test
    void shouldFindTheRequestsAssignedToMe() {
        String mine = Fixture.file("OBRAS");
        Fixture.post(CARLA, mine, "/assignment", Map.of("agencyCode", "OBRAS")).then().statusCode(200);

        as(CARLA).queryParam("assignee", "me").queryParam("size", 100).get("/requests").then().statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.assignee.userId", everyItem(equalTo("carla-sub")));
        Fixture.make(Move.EXTEND, mine).then().statusCode(200);
    }
}
