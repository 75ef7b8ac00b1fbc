package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's pages (agencies, import, delivery log, calendar deletion, notice preferences) against a stand-in API:
 * what each role sees, what each form sends to the API, and how the API's refusals come back on the form (its detail
 * shown, the input kept; a 403 said plainly).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class OfficePagesTest {

    static final String PROBLEM = "application/problem+json";
    static final String PARQUES = """
            {"code":"PARQUES","name":"Parques y Paseos","contactEmail":"parques@example.org",
             "backupEmail":"suplente@example.org","active":true,"updatedAt":"2026-12-01T12:00:00Z"}""";
    static final String OBRAS = """
            {"code":"OBRAS","name":"Secretaría de Obras Públicas","contactEmail":"obras@example.org","backupEmail":null,
             "active":true,"updatedAt":"2026-12-01T12:00:00Z"}""";
    static final String LOG = """
            {"items":[{"id":9,"eventId":"0b9f7a52-2222-4c6e-9f0a-1b2c3d4e5f60","requestId":"%s","trackingNumber":"%s",
                       "kind":"receipt","category":"REQUEST_UPDATES","legallySignificant":true,"channel":"EMAIL",
                       "recipient":"%s","language":"es","subject":"Recibimos tu solicitud %s","status":"FAILED",
                       "attempts":5,"lastError":"550 mailbox unavailable","createdAt":"2026-12-01T13:00:00Z",
                       "nextAttemptAt":null,"sentAt":null},
                      {"id":8,"eventId":"0b9f7a52-3333-4c6e-9f0a-1b2c3d4e5f60","requestId":"%s","trackingNumber":"%s",
                       "kind":"assignment","category":"ASSIGNMENTS","legallySignificant":false,"channel":"IN_APP",
                       "recipient":"***","language":"es","subject":"Te asignaron %s","status":"SENT","attempts":1,
                       "lastError":null,"createdAt":"2026-12-01T12:00:00Z","nextAttemptAt":null,
                       "sentAt":"2026-12-01T12:00:01Z"}],
             "page":0,"size":50,"total":2}""";

    @FakeApi.Server
    WireMockServer api;

    final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void forgetStubs() {
        stubs.forEach(api::removeStub);
        api.resetRequests();
    }

    void stub(MappingBuilder mapping) {
        stubs.add(api.stubFor(mapping));
    }

    void answer(MappingBuilder call, int status, String contentType, String body) {
        stub(call.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }

    static String log(String recipient) {
        return LOG.formatted(FakeApi.ID, FakeApi.TRACKING, recipient, FakeApi.TRACKING, FakeApi.ID, FakeApi.TRACKING,
                FakeApi.TRACKING);
    }

    /** A page and its CSRF token and cookie, to post a form of it as the browser would. */
    record Rendered(Response page) {

        String html() {
            return page.asString();
        }

        RequestSpecification poster() {
            return given().redirects().follow(false).cookie("csrf-token", page.cookie("csrf-token"));
        }

        String token() {
            return html().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        }

        Response submit(String path, Map<String, String> fields) {
            Map<String, String> all = new HashMap<>(fields);
            all.put("csrf-token", token());
            return poster().formParams(all).post(path);
        }
    }

    static Rendered render(String path) {
        Response page = given().get(path);
        assertThat(page.statusCode()).as("%s: %s", path, page.asString()).isEqualTo(200);
        return new Rendered(page);
    }

    static String errors(String html) {
        return html.replaceAll("(?s).*<div class=\"error-summary\"(.*?)</div>.*", "$1");
    }

    // ---- the office's start page and navigation

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldGiveTheAdminEveryToolAndTheLinkToKeycloaksConsole() {
        String html = render("/office").html();

        assertThat(html).contains("<h1>La oficina</h1>", "href=\"/office\" aria-current=\"page\"",
                "href=\"/office/agencies\"", "href=\"/office/import\"", "href=\"/office/deliveries\"", "href=\"/calendar\"",
                "href=\"/preferences\"", "Personas y permisos (Keycloak)");
        // built from the realm's URL (the test realm: http://localhost:<port>/auth/realms/quarkus): Keycloak's own console
        assertThat(html.replaceAll("(?s).*<a href=\"([^\"]+)\" id=\"users-console\">.*", "$1"))
                .matches("http://localhost:\\d+/auth/admin/quarkus/console/#/quarkus/users");
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldGiveTheCoordinatorTheAgenciesAndTheDeliveryLogButNoAdminTool() {
        answer(get(urlPathEqualTo("/api/agencies/OBRAS")), 200, "application/json", OBRAS);
        String html = render("/office").html();

        assertThat(html).contains("href=\"/office/agencies\"", "href=\"/office/deliveries\"", "href=\"/preferences\"")
                .doesNotContain("href=\"/office/import\"", "id=\"users-console\"", "href=\"/calendar\"");
        String agencies = render("/office/agencies").html();
        assertThat(agencies).contains("<caption>Organismos, los activos primero</caption>", "Secretaría de Salud",
                        "obras@example.org")
                .doesNotContain("id=\"form-agency\"", "Agregar organismo");
        assertThat(render("/office/agencies/OBRAS").html()).contains("Solo una persona administradora puede cambiar")
                .doesNotContain("id=\"form-edit\"", "id=\"form-active\"");
        assertThat(given().get("/office/import").then().statusCode(403).extract().asString()).contains("No tenés permiso")
                .doesNotContain("name=\"file\"");
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldKeepTheOfficeFromResidents() {
        assertThat(given().get("/office").then().statusCode(403).extract().asString()).contains("No tenés permiso");
        assertThat(given().get("/office/deliveries").then().statusCode(403).extract().asString()).doesNotContain("id=\"deliveries\"");
        assertThat(render("/requests").html()).doesNotContain("href=\"/office\"");
        assertThat(api.findAll(anyRequestedFor(urlPathEqualTo("/api/notifications")))).isEmpty();
    }

    // ---- agencies

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldCreateAnAgencyThroughTheApi() {
        answer(post(urlPathEqualTo("/api/agencies")), 201, "application/json", PARQUES);
        Rendered page = render("/office/agencies");
        assertThat(page.html()).contains("id=\"form-agency\"", "name=\"code\"", "name=\"contactEmail\"", "name=\"backupEmail\"");

        Response created = page.submit("/office/agencies", Map.of("code", "parques", "name", " Parques y Paseos ",
                "contactEmail", "parques@example.org", "backupEmail", "suplente@example.org"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/office/agencies?saved=PARQUES#saved");
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo("/api/agencies")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"code\":\"PARQUES\",\"name\":\"Parques y Paseos\","
                + "\"contactEmail\":\"parques@example.org\",\"backupEmail\":\"suplente@example.org\"}");
        assertThat(render("/office/agencies?saved=PARQUES").html()).contains("Se guardó el organismo <strong>PARQUES</strong>");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldCheckTheAgencyBeforeSendingIt() {
        Response refused = render("/office/agencies").submit("/office/agencies", Map.of("code", "par ques", "name", "",
                "contactEmail", "not-an-address", "backupEmail", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused.asString())).contains("href=\"#code\"", "href=\"#name\"", "href=\"#contactEmail\"",
                "Escribí un correo electrónico válido");
        assertThat(refused.asString()).contains("value=\"PAR QUES\"", "value=\"not-an-address\"",
                "id=\"contactEmail-error\"", "aria-invalid=\"true\"");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/agencies")))).isEmpty();
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldShowTheApisReasonAndKeepWhatWasTyped() {
        answer(post(urlPathEqualTo("/api/agencies")), 409, PROBLEM, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"An agency with the code OBRAS exists"}""");

        Response refused = render("/office/agencies").submit("/office/agencies", Map.of("code", "OBRAS",
                "name", "Obras otra vez", "contactEmail", "otra@example.org"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(errors(refused.asString())).contains("An agency with the code OBRAS exists");
        assertThat(refused.asString()).contains("value=\"Obras otra vez\"", "value=\"otra@example.org\"");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldPutTheApisFieldReasonsNextToTheirFields() {
        answer(post(urlPathEqualTo("/api/agencies")), 400, PROBLEM, """
                {"type":"/problems/invalid-request","title":"Invalid request","status":400,"detail":"1 field is invalid",
                 "violations":[{"field":"create.body.contactEmail","message":"must be an e-mail address"}]}""");

        Response refused = render("/office/agencies").submit("/office/agencies", Map.of("code", "PARQUES",
                "name", "Parques", "contactEmail", "parques@example.org"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("<a href=\"#contactEmail\">contactEmail: must be an e-mail address</a>",
                "id=\"contactEmail-error\"");
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldSayPlainlyWhenTheApiRefusesTheRole() {
        answer(post(urlPathEqualTo("/api/agencies")), 403, PROBLEM, """
                {"type":"about:blank","title":"Forbidden","status":403,"detail":"Only an admin may add agencies"}""");

        Response refused = render("/office/agencies").submit("/office/agencies", Map.of("code", "PARQUES",
                "name", "Parques y Paseos", "contactEmail", "parques@example.org"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(errors(refused.asString()))
                .contains("Solo una persona administradora puede hacer este paso. (Only an admin may add agencies)");
        assertThat(refused.asString()).contains("value=\"Parques y Paseos\"");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldChangeTheContactAndBackupAndDeactivateAnAgency() {
        answer(get(urlPathEqualTo("/api/agencies/OBRAS")), 200, "application/json", OBRAS);
        answer(put(urlPathEqualTo("/api/agencies/OBRAS")), 200, "application/json", OBRAS);
        Rendered page = render("/office/agencies/OBRAS");
        assertThat(page.html()).contains("<h1>Secretaría de Obras Públicas <span class=\"agency\">OBRAS</span></h1>",
                "id=\"form-edit\"", "value=\"obras@example.org\"", "id=\"form-active\"", "Dar de baja");

        Response saved = page.submit("/office/agencies/OBRAS", Map.of("name", "Secretaría de Obras Públicas",
                "contactEmail", "mesa.obras@example.org", "backupEmail", "guardia.obras@example.org"));
        Response deactivated = page.submit("/office/agencies/OBRAS/active", Map.of("active", "false"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(deactivated.statusCode()).isEqualTo(303);
        assertThat(deactivated.header("Location")).endsWith("/office/agencies?saved=OBRAS#saved");
        List<LoggedRequest> sent = api.findAll(putRequestedFor(urlPathEqualTo("/api/agencies/OBRAS")));
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).containsExactly(
                "{\"name\":\"Secretaría de Obras Públicas\",\"contactEmail\":\"mesa.obras@example.org\","
                        + "\"backupEmail\":\"guardia.obras@example.org\"}",
                "{\"name\":\"Secretaría de Obras Públicas\",\"contactEmail\":\"obras@example.org\",\"active\":false}");
    }

    // ---- import

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldImportAFileAndShowTheReport() {
        answer(post(urlPathEqualTo("/api/requests/import")), 201, "application/json", """
                {"imported":2,"requests":[{"line":1,"id":"%s","trackingNumber":"AIP-2024-000001","status":"ANSWERED"},
                 {"line":2,"id":"7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","trackingNumber":"AIP-2024-000002","status":"RECEIVED"}]}"""
                .formatted(FakeApi.ID));
        Rendered page = render("/office/import");
        assertThat(page.html()).contains("enctype=\"multipart/form-data\"", "type=\"file\" id=\"file\" name=\"file\"",
                "<option value=\"windows-1252\"");
        byte[] csv = "subject,description,filedAt,status,requesterName,requesterEmail\nLuminarias,Listado,2024-03-01T12:00:00Z,RECEIVED,Ana,ana@example.org\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        Response report = page.poster().multiPart("csrf-token", page.token()).multiPart("charset", "windows-1252")
                .multiPart("file", "registro-2024.csv", csv, "text/csv").post("/office/import");

        assertThat(report.statusCode()).as(report.asString()).isEqualTo(201);
        assertThat(report.asString()).contains("id=\"imported-count\">2<", "registro-2024.csv", "AIP-2024-000001",
                "href=\"/requests/" + FakeApi.ID + "\"", "Respondida");
        LoggedRequest sent = api.findAll(postRequestedFor(urlPathEqualTo("/api/requests/import"))).get(0);
        assertThat(sent.getHeader("Content-Type")).isEqualTo("text/csv; charset=windows-1252");
        assertThat(sent.getBody()).isEqualTo(csv);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldListEveryLineTheApiRefusedAndImportNothing() {
        answer(post(urlPathEqualTo("/api/requests/import")), 400, PROBLEM, """
                {"type":"/problems/invalid-request","title":"Invalid request","status":400,"detail":"2 fields are invalid",
                 "violations":[{"field":"line 2.filedAt","message":"must not be in the future"},
                               {"field":"line 3","message":"agency NOPE is not known"}]}""");
        Rendered page = render("/office/import");

        Response refused = page.poster().multiPart("csrf-token", page.token()).multiPart("charset", "UTF-8")
                .multiPart("file", "registro.ndjson", "{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .post("/office/import");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("No se importó ninguna solicitud", "<caption>Problemas del archivo registro.ndjson",
                "line 2.filedAt</td><td data-label=\"Problema\">must not be in the future",
                "line 3</td><td data-label=\"Problema\">agency NOPE is not known");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/requests/import"))).get(0).getHeader("Content-Type"))
                .isEqualTo("application/x-ndjson; charset=UTF-8");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldRefuseAFileOfAnotherKindBeforeSendingIt() {
        Rendered page = render("/office/import");

        Response refused = page.poster().multiPart("csrf-token", page.token()).multiPart("charset", "UTF-8")
                .multiPart("file", "registro.xlsx", new byte[]{1, 2, 3}, "application/octet-stream").post("/office/import");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused.asString())).contains("El archivo tiene que ser .csv, .ndjson o .jsonl.");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/requests/import")))).isEmpty();
    }

    // ---- delivery log

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldShowTheAdminTheLogAndRetryAFailedEmail() {
        answer(get(urlPathEqualTo("/api/notifications")), 200, "application/json", log("a***@example.org"));
        answer(post(urlPathEqualTo("/api/notifications/9/retry")), 200, "application/json", "{\"id\":9,\"status\":\"PENDING\"}");
        Rendered page = render("/office/deliveries?status=FAILED&from=2026-12-01");

        assertThat(page.html()).contains("<caption>Avisos enviados (2)</caption>", "Recibimos tu solicitud " + FakeApi.TRACKING,
                "Correo: a***@example.org", "550 mailbox unavailable", "exigido por la ley", "Falló",
                "action=\"/office/deliveries/9/retry\"", "<option value=\"FAILED\" selected>")
                .doesNotContain("action=\"/office/deliveries/8/retry\"");
        assertThat(api.findAll(anyRequestedFor(urlPathEqualTo("/api/notifications"))).get(0).getUrl())
                .contains("status=FAILED", "from=2026-12-01", "size=50");

        Response retried = page.submit("/office/deliveries/9/retry", Map.of("status", "FAILED", "from", "2026-12-01"));

        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.header("Location")).endsWith("/office/deliveries?status=FAILED&from=2026-12-01&retried=9#retried");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/notifications/9/retry")))).hasSize(1);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void shouldSayWhyARetryWasRefused() {
        answer(get(urlPathEqualTo("/api/notifications")), 200, "application/json", log("a***@example.org"));
        answer(post(urlPathEqualTo("/api/notifications/9/retry")), 409, PROBLEM, """
                {"type":"about:blank","title":"Conflict","status":409,
                 "detail":"Notification 9 has not failed: only a FAILED notification can be retried"}""");

        Response refused = render("/office/deliveries").submit("/office/deliveries/9/retry", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(errors(refused.asString())).contains("only a FAILED notification can be retried");
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldShowTheCoordinatorTheLogWithoutTheRetry() {
        answer(get(urlPathEqualTo("/api/notifications")), 200, "application/json", log("ana@example.org"));

        String html = render("/office/deliveries").html();

        assertThat(html).contains("Correo: ana@example.org", "550 mailbox unavailable", "En la aplicación: ***")
                .doesNotContain("/retry\"");
    }

    @Test
    @TestSecurity(user = "fede", roles = "auditor")
    void shouldShowTheLogInEnglish() {
        answer(get(urlPathEqualTo("/api/notifications")), 200, "application/json", log("ana@example.org"));

        String html = given().cookie("lang", "en").get("/office/deliveries").then().statusCode(200).extract().asString();

        assertThat(html).contains("<html lang=\"en\">", "<h1>Notices sent</h1>", "Failed", "required by law", "E-mail: ana@example.org");
    }

    // ---- calendar

    @Test
    @TestSecurity(user = "fede", roles = "auditor")
    void shouldDeleteACalendarEntryAndSayHowManyDueDatesMovedBack() {
        stub(delete(urlPathEqualTo("/api/calendars/rosario/entries/3")).willReturn(aResponse().withStatus(204)));
        Rendered calendar = render("/calendar");
        assertThat(calendar.html()).contains("action=\"/calendar/entries/3/delete\"", "<summary>Quitar…");

        Response deleted = calendar.submit("/calendar/entries/3/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.header("Location")).endsWith("/calendar?deleted=3#deleted");
        assertThat(api.findAll(deleteRequestedFor(urlPathEqualTo("/api/calendars/rosario/entries/3")))).hasSize(1);
        answer(get(urlPathEqualTo("/api/calendars/rosario/changes")), 200, "application/json", """
                [{"id":6,"version":5,"action":"DELETED","entryId":3,"kind":"ADMINISTRATIVE_CLOSURE","startsOn":"2026-12-02",
                  "endsOn":"2026-12-02","instrument":"Decreto 1234/2026","description":"Cierre","changedBy":"fede",
                  "changedAt":"2026-12-01T13:00:00Z","recomputedAt":"2026-12-01T13:00:02Z","clocksMoved":12}]""");
        assertThat(render("/calendar?deleted=3").html()).contains("Se quitó la entrada de <strong>Decreto 1234/2026</strong>",
                "id=\"clocks-moved-back\">12<");
    }

    @Test
    @TestSecurity(user = "fede", roles = "auditor")
    void shouldSayWhenTheEntryToDeleteIsGone() {
        answer(delete(urlPathEqualTo("/api/calendars/rosario/entries/3")), 404, PROBLEM, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"No entry 3 in the calendar rosario"}""");

        Response refused = render("/calendar").submit("/calendar/entries/3/delete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(errors(refused.asString())).contains("No se encontró. (No entry 3 in the calendar rosario)");
    }

    // ---- notice preferences

    static final String PREFERENCES = """
            {"categories":[{"category":"REQUEST_UPDATES","email":true,"inApp":true},
                           {"category":"ASSIGNMENTS","email":true,"inApp":false},
                           {"category":"DEADLINE_ALERTS","email":false,"inApp":true},
                           {"category":"DIGESTS","email":true,"inApp":true}],
             "alwaysSent":["answer","receipt"]}""";

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldLetAResidentChooseHowTheyHearOfTheirRequests() {
        answer(get(urlPathEqualTo("/api/notifications/preferences")), 200, "application/json", PREFERENCES);
        answer(put(urlPathEqualTo("/api/notifications/preferences")), 200, "application/json", PREFERENCES);
        Rendered page = render("/preferences");
        assertThat(page.html()).contains("<h1>Preferencias de avisos</h1>", "<legend>Novedades de las solicitudes</legend>",
                        "id=\"REQUEST_UPDATES-email\" name=\"choice\" value=\"REQUEST_UPDATES.email\" checked",
                        "id=\"always-sent\"")
                .doesNotContain("Resúmenes diarios", "ASSIGNMENTS");
        assertThat(render("/notices").html()).contains("href=\"/preferences\"");

        Response saved = page.submit("/preferences", Map.of("choice", "REQUEST_UPDATES.inApp"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/preferences?saved#saved");
        // only what the page shows: the API keeps the other categories as they are
        assertThat(api.findAll(putRequestedFor(urlPathEqualTo("/api/notifications/preferences"))).get(0).getBodyAsString())
                .isEqualTo("{\"categories\":[{\"category\":\"REQUEST_UPDATES\",\"email\":false,\"inApp\":true}]}");
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldLetACoordinatorTakeTheCoordinationNoticesInADailyDigest() {
        answer(get(urlPathEqualTo("/api/notifications/preferences")), 200, "application/json", PREFERENCES.replace(
                "{\"category\":\"DIGESTS\",\"email\":true,\"inApp\":true}",
                "{\"category\":\"DIGESTS\",\"email\":true,\"inApp\":true},"
                        + "{\"category\":\"COORDINATION\",\"email\":true,\"inApp\":true,\"dailyDigest\":false}"));
        answer(put(urlPathEqualTo("/api/notifications/preferences")), 200, "application/json", PREFERENCES);
        Rendered page = render("/preferences");
        assertThat(page.html()).contains("<legend>Coordinación</legend>",
                "id=\"COORDINATION-dailyDigest\" name=\"choice\" value=\"COORDINATION.dailyDigest\">",
                "Juntar estos correos en un resumen diario");

        Response saved = given().redirects().follow(false).cookie("csrf-token", page.page().cookie("csrf-token"))
                .formParam("csrf-token", page.token())
                .formParam("choice", "REQUEST_UPDATES.email", "COORDINATION.email", "COORDINATION.dailyDigest")
                .post("/preferences");

        assertThat(saved.statusCode()).isEqualTo(303);
        String sent = api.findAll(putRequestedFor(urlPathEqualTo("/api/notifications/preferences"))).get(0).getBodyAsString();
        assertThat(sent).contains("{\"category\":\"REQUEST_UPDATES\",\"email\":true,\"inApp\":false}",
                "{\"category\":\"DIGESTS\",\"email\":false,\"inApp\":false}",
                "{\"category\":\"COORDINATION\",\"email\":true,\"inApp\":false,\"dailyDigest\":true}");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldOfferStaffEveryCategory() {
        answer(get(urlPathEqualTo("/api/notifications/preferences")), 200, "application/json", PREFERENCES);
        answer(put(urlPathEqualTo("/api/notifications/preferences")), 400, PROBLEM, """
                {"type":"/problems/invalid-request","title":"Invalid request","status":400,"detail":"1 field is invalid",
                 "violations":[{"field":"choose.body.categories","message":"has too many entries"}]}""");
        Rendered page = render("/preferences");
        assertThat(page.html()).contains("<legend>Asignaciones</legend>", "<legend>Alertas de vencimiento</legend>",
                "<legend>Resúmenes diarios</legend>", "id=\"DEADLINE_ALERTS-inApp\" name=\"choice\" value=\"DEADLINE_ALERTS.inApp\" checked",
                "id=\"DEADLINE_ALERTS-email\" name=\"choice\" value=\"DEADLINE_ALERTS.email\">")
                .doesNotContain("COORDINATION");

        Response refused = given().redirects().follow(false).cookie("csrf-token", page.page().cookie("csrf-token"))
                .formParam("csrf-token", page.token()).formParam("choice", "DIGESTS.email", "ASSIGNMENTS.inApp")
                .post("/preferences");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused.asString())).contains("has too many entries");
        // what was ticked stays ticked
        assertThat(refused.asString()).contains("value=\"DIGESTS.email\" checked", "value=\"ASSIGNMENTS.inApp\" checked",
                "value=\"REQUEST_UPDATES.email\">");
        assertThat(api.findAll(putRequestedFor(urlPathEqualTo("/api/notifications/preferences"))
                .withHeader("Content-Type", equalTo("application/json")))).hasSize(1);
    }
}
