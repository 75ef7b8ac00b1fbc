package org.acceso.deadline.rest;

import static io.restassured.RestAssured.given;
import static org.acceso.deadline.Events.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.deadline.Events;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Calendars kept by people, explained day by day, the what-if due date, and recomputation when they change. */
@QuarkusTest
class CalendarResourceTest {

    static final String AUDITOR = TestTokens.token("fede-sub", "fede@example.org", "auditor");
    static final String RESIDENT = TestTokens.resident("ana-sub", "ana@example.org");
    static final String CLERK = TestTokens.clerk("carla-sub", "carla@example.org", "OBRAS");

    @Test
    void shouldLetAuditorsAddAndDeleteEntriesAndKeepEveryChange() {
        int entry = given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("""
                        {"kind": "ADMINISTRATIVE_CLOSURE", "startsOn": "2031-12-29", "endsOn": "2031-12-31",
                         "instrument": "Decreto 901/2031", "description": "Receso administrativo"}""")
                .post("/calendars/rosario/entries").then().statusCode(201)
                .body("jurisdiction", equalTo("rosario"))
                .body("instrument", equalTo("Decreto 901/2031"))
                .body("createdBy", equalTo("fede-sub"))
                .extract().path("id");
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/entries").then().statusCode(200)
                .body("find { it.id == " + entry + " }.kind", equalTo("ADMINISTRATIVE_CLOSURE"))
                .body("find { it.id == " + entry + " }.startsOn", equalTo("2031-12-29"))
                .body("find { it.id == " + entry + " }.endsOn", equalTo("2031-12-31"))
                .body("find { it.id == " + entry + " }.createdBy", equalTo("fede-sub"))
                .body("instrument", hasItems("Resolución JGM 164/2025", "Decreto 901/2031"));
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=2031-12-29&to=2031-12-29").then().statusCode(200)
                .body("[0].counts", equalTo(false))
                .body("[0].reasons[0].instrument", equalTo("Decreto 901/2031"))
                .body("[0].reasons[0].source", equalTo("ENTRY"));

        given().auth().oauth2(CLERK).delete("/calendars/rosario/entries/" + entry).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).delete("/calendars/rosario/entries/" + entry).then().statusCode(204);
        given().auth().oauth2(AUDITOR).delete("/calendars/rosario/entries/" + entry).then().statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(AUDITOR).get("/calendars/rosario/entries").then().statusCode(200)
                .body("id", not(hasItem(entry)));
        given().auth().oauth2(AUDITOR).get("/calendars/rosario/changes").then().statusCode(200)
                .body("findAll { it.entryId == " + entry + " }.action", contains("DELETED", "ADDED"))
                .body("findAll { it.entryId == " + entry + " }.changedBy", contains("fede-sub", "fede-sub"))
                .body("findAll { it.entryId == " + entry + " }.instrument", contains("Decreto 901/2031", "Decreto 901/2031"));
    }

    @Test
    void shouldRefuseBadEntriesAndCallersWithAProblem() {
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"HOLIDAY\", \"startsOn\": \"2031-05-02\", \"instrument\": \" \"}")
                .post("/calendars/rosario/entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("instrument"));
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"HOLIDAY\", \"startsOn\": \"2031-05-02\", \"endsOn\": \"2031-05-01\", \"instrument\": \"D 1\"}")
                .post("/calendars/rosario/entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("endsOn 2031-05-01 is before startsOn 2031-05-02"));
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"FIESTA\", \"startsOn\": \"2031-05-02\", \"instrument\": \"D 1\"}")
                .post("/calendars/rosario/entries").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(RESIDENT).contentType(ContentType.JSON)
                .body("{\"kind\": \"HOLIDAY\", \"startsOn\": \"2031-05-02\", \"instrument\": \"D 1\"}")
                .post("/calendars/rosario/entries").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/calendars/rosario/entries").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/calendars/atlantis/entries").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=2026-01-01&to=2027-06-01").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=yesterday&to=2026-01-02").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("from must be a date such as 2026-12-01"));
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=soon").then().statusCode(400)
                .contentType("application/problem+json");
        // calendars are built per year and kept: years far from any filing are refused, not computed
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=2999-01-01T00:00:00Z").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("filedAt must fall between the years 1900 and 2200"));
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=1500-01-01&to=1500-01-02").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("from must fall between the years 1900 and 2200"));
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"HOLIDAY\", \"startsOn\": \"3031-05-02\", \"instrument\": \"D 1\"}")
                .post("/calendars/rosario/entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("startsOn must fall between the years 1900 and 2200"));
    }

    @Test
    void shouldExplainWhyEachDayCountsOrNot() {
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=2026-12-05&to=2026-12-09").then().statusCode(200)
                .body("date", contains("2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08", "2026-12-09"))
                .body("counts", contains(false, false, false, false, true))
                .body("[0].reasons[0].kind", equalTo("WEEKEND"))
                .body("[2].reasons[0].kind", equalTo("NON_WORKING_DAY"))
                .body("[2].reasons[0].instrument", equalTo("Resolución JGM 164/2025"))
                .body("[2].reasons[0].source", equalTo("ENTRY"))
                .body("[3].reasons[0].kind", equalTo("HOLIDAY"))
                .body("[3].reasons[0].description", equalTo("Inmaculada Concepción de María"))
                .body("[3].reasons[0].instrument", equalTo("Ley 27.399"))
                .body("[3].reasons[0].source", equalTo("RULE"))
                .body("[4].reasons", org.hamcrest.Matchers.empty());
        given().auth().oauth2(RESIDENT).get("/calendars/uk/days?from=2026-05-04&to=2026-05-04").then().statusCode(200)
                .body("[0].counts", equalTo(false))
                .body("[0].reasons[0].description", equalTo("Early May Bank Holiday"));
    }

    @Test
    void shouldReopenARuleHolidayWithAWorkingDayEntry() {
        // 8 Dec 2031 (Monday) is a holiday by the rules; a decree moves it.
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=2031-12-08&to=2031-12-08").then()
                .body("[0].counts", equalTo(false));
        int entry = given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"WORKING_DAY\", \"startsOn\": \"2031-12-08\", \"instrument\": \"Decreto 12/2031\"}")
                .post("/calendars/rosario/entries").then().statusCode(201)
                .body("kind", equalTo("WORKING_DAY"))
                .body("endsOn", equalTo("2031-12-08"))
                .extract().path("id");

        given().auth().oauth2(RESIDENT).get("/calendars/rosario/days?from=2031-12-08&to=2031-12-08").then()
                .body("[0].counts", equalTo(true))
                .body("[0].reasons.kind", contains("HOLIDAY", "WORKING_DAY"));
        given().auth().oauth2(AUDITOR).delete("/calendars/rosario/entries/" + entry).then().statusCode(204);
    }

    @Test
    void shouldAnswerTheDueDateOfAnyInstantWithEverySkippedDay() {
        // Thu 26 Nov 2026 14:20 in Rosario: due Mon 21 Dec; skipped: weekends, Mon 7 Dec bridge, Tue 8 Dec holiday.
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=2026-11-26T17:20:00Z").then().statusCode(200)
                .body("profile", equalTo("ar-rosario"))
                .body("receivedOn", equalTo("2026-11-26"))
                .body("dueOn", equalTo("2026-12-21"))
                .body("dueAt", equalTo("2026-12-21T23:59:59-03:00"))
                .body("responseDays", equalTo(15))
                .body("skipped.date", contains("2026-11-28", "2026-11-29", "2026-12-05", "2026-12-06", "2026-12-07",
                        "2026-12-08", "2026-12-12", "2026-12-13", "2026-12-19", "2026-12-20"))
                .body("skipped[4].reasons[0].instrument", equalTo("Resolución JGM 164/2025"));
        // Sunday 13 Dec: received Mon 14 (day 0).
        given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=2026-12-13T15:00:00-03:00").then()
                .statusCode(200)
                .body("receivedOn", equalTo("2026-12-14"))
                .body("skipped[0].date", equalTo("2026-12-13"))
                .body("skipped[0].reasons[0].kind", equalTo("WEEKEND"));
    }

    @Test
    void shouldMoveEveryOpenClockAClosureTouchesByOneBusinessDay() {
        UUID touched = UUID.randomUUID();
        UUID alsoTouched = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        // Due Mon 21 Dec and Thu 24 Dec; the third is received Wed 16 Dec, after the closure of Tue 15 Dec.
        Events.send(touched, Events.filed("AIP-2026-000701", "OBRAS", local("2026-11-26T14:20"), false));
        Events.send(alsoTouched, Events.filed("AIP-2026-000702", "OBRAS", local("2026-12-01T10:00"), false));
        Events.send(untouched, Events.filed("AIP-2026-000703", "OBRAS", local("2026-12-16T10:00"), false));
        for (UUID id : List.of(touched, alsoTouched, untouched)) {
            KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), 1, Duration.ofSeconds(60));
        }

        int entry = given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"ADMINISTRATIVE_CLOSURE\", \"startsOn\": \"2026-12-15\", \"instrument\": \"Decreto 77/2026\","
                        + " \"description\": \"Día del Trabajador Municipal\"}")
                .post("/calendars/rosario/entries").then().statusCode(201).extract().path("id");
        try {
            DeadlineRescheduled first = rescheduled(touched, 2);
            assertThat(first.cause()).isEqualTo("CALENDAR_CHANGE");
            assertThat(first.instrument()).isEqualTo("Decreto 77/2026");
            assertThat(first.oldDueOn()).isEqualTo(LocalDate.parse("2026-12-21"));
            assertThat(first.newDueOn()).isEqualTo(LocalDate.parse("2026-12-22"));
            DeadlineRescheduled second = rescheduled(alsoTouched, 2);
            assertThat(second.oldDueOn()).isEqualTo(LocalDate.parse("2026-12-24"));
            assertThat(second.newDueOn()).isEqualTo(LocalDate.parse("2026-12-28"));
            given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=2026-11-26T17:20:00Z").then()
                    .body("dueOn", equalTo("2026-12-22"));
            given().auth().oauth2(RESIDENT).get("/calendars/rosario/due-date?filedAt=2026-12-01T13:00:00Z").then()
                    .body("dueOn", equalTo("2026-12-28"));
            given().auth().oauth2(AUDITOR).get("/deadlines/" + touched).then()
                    .body("dueOn", equalTo("2026-12-22"))
                    .body("history[1].cause", equalTo("CALENDAR_CHANGE"))
                    .body("history[1].instrument", equalTo("Decreto 77/2026"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(AUDITOR).get("/calendars/rosario/changes").then()
                            .body("find { it.entryId == " + entry + " }.recomputedAt", org.hamcrest.Matchers.notNullValue()));
            assertThat(KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, touched.toString(), 2, Duration.ofSeconds(5))).hasSize(2);
            assertThat(KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, untouched.toString(), 1, Duration.ofSeconds(5))).hasSize(1);
        } finally {
            given().auth().oauth2(AUDITOR).delete("/calendars/rosario/entries/" + entry).then().statusCode(204);
        }
        // Deleting the closure moves them back, one event each.
        DeadlineRescheduled back = rescheduled(touched, 3);
        assertThat(back.newDueOn()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(back.instrument()).isEqualTo("Decreto 77/2026");
        assertThat(back.detail()).startsWith("Calendar entry deleted");
    }

    /** The last of {@code count} deadline events of a request, a DeadlineRescheduled. */
    private static DeadlineRescheduled rescheduled(UUID id, int count) {
        var records = KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), count, Duration.ofSeconds(60));
        DeadlineEvent event = EventCodec.decode(EventCodec.read(records.get(count - 1).value()), DeadlineEvent.class).orElseThrow();
        return (DeadlineRescheduled) event;
    }
}
