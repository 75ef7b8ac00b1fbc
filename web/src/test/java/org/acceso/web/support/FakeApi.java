package org.acceso.web.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for the API behind the gateway with the shapes it answers (request-service, deadline-service,
 * notification-service), for rendering tests. The real API is what the browser journeys in system-tests use.
 */
public class FakeApi implements QuarkusTestResourceLifecycleManager {

    public static final String ID = "3f2c9a4e-8b1d-4c6e-9f0a-1b2c3d4e5f60";
    public static final String TRACKING = "AIP-2026-000042";

    static final String REQUEST = """
            {"id":"%s","trackingNumber":"%s","status":"ASSIGNED","subject":"Luminarias de Echesortu",
             "description":"Listado de luminarias instaladas en 2026.","agencyCode":"OBRAS","language":"es",
             "requesterName":"Ana Resident","contactEmail":"ana@example.org","filedAt":"2026-11-20T13:00:00Z",
             "imported":false,"assignee":{"userId":"carla-id","name":"Carla Clerk"},"dueOn":"2026-12-14",
             "dueAt":"2026-12-14T23:59:59-03:00","clockStatus":"RUNNING","extensions":0,"pendingQuestion":null,
             "answer":{"outcome":"PARTIALLY_GRANTED","text":"Se entrega el listado.","grounds":["personal-data"],
                       "answeredAt":"2026-11-25T15:00:00Z"},
             "externalBody":null,"appeal":null,"appealDueOn":"2027-01-25","appealDueAt":"2027-01-25T23:59:59-03:00",
             "appealWindowClosed":false,
             "documents":[{"id":"0b9f7a52-1111-4c6e-9f0a-1b2c3d4e5f60","name":"listado.pdf","mediaType":"application/pdf",
                           "size":2048,"sha256":"ab"}],
             "allowedMoves":%s}""";

    /** Rosario's policy as deadline-service serves it at {@code /policy} (Law 27.275: 15 + 15 business days, 40 to appeal). */
    public static final String ROSARIO = policy("ar-rosario", "rosario", "Ley 27.275", "America/Argentina/Cordoba",
            15, "BUSINESS", 15, "BUSINESS", 1, "PAUSE", 40, "BUSINESS");
    /** Chile's (Ley 20.285: 20 + 10 business days, 15 to appeal; a clarification restarts the term). */
    public static final String CHILE = policy("cl", "cl", "Ley 20.285", "America/Santiago",
            20, "BUSINESS", 10, "BUSINESS", 1, "RESTART", 15, "BUSINESS");
    /** Spain's (Ley 19/2013: one month, extendable by one month; one month to appeal). */
    public static final String SPAIN = policy("es", "es", "Ley 19/2013", "Europe/Madrid",
            1, "MONTH", 1, "MONTH", 1, "PAUSE", 1, "MONTH");

    public static String policy(String profile, String jurisdiction, String law, String zone, int days, String unit,
                                int extensionDays, String extensionUnit, int maxExtensions, String clarification,
                                int appealDays, String appealUnit) {
        return """
                {"profile":"%s","jurisdiction":"%s","law":"%s","zone":"%s","responseDays":%d,"dayUnit":"%s","cutoff":null,
                 "extensionDays":%d,"extensionUnit":"%s","maxExtensions":%d,"clarification":"%s","referral":"CONTINUE",
                 "referralDays":5,"reminderOffsets":[5,2],"veryOverdueDays":15,"appealDays":%d,"appealUnit":"%s",
                 "announcedAt":"2026-11-27T08:59:30Z"}""".formatted(profile, jurisdiction, law, zone, days, unit,
                extensionDays, extensionUnit, maxExtensions, clarification, appealDays, appealUnit);
    }

    static final String ALL_MOVES = "[\"assign\",\"requestClarification\",\"provideClarification\",\"refer\",\"referOut\","
            + "\"extend\",\"answer\",\"withdraw\",\"appeal\",\"resolveAppeal\"]";

    /** Marks a test's {@code WireMockServer} field: the stand-in itself, to stub a call or check what the front sent. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        json("/api/requests/" + ID, REQUEST.formatted(ID, TRACKING, ALL_MOVES));
        json("/api/requests/" + ID + "/history", """
                [{"action":"file","fromStatus":null,"status":"RECEIVED","role":"resident","actor":null,"actorName":"Ana Resident",
                  "agencyCode":"OBRAS","reason":null,"occurredAt":"2026-11-20T13:00:00Z"},
                 {"action":"assign","fromStatus":"RECEIVED","status":"ASSIGNED","role":"clerk","actor":"carla-id",
                  "actorName":"Carla Clerk","agencyCode":"OBRAS","reason":null,"occurredAt":"2026-11-21T13:00:00Z"}]""");
        json("/api/deadlines/" + ID, """
                {"requestId":"%s","trackingNumber":"%s","jurisdiction":"rosario","profile":"ar-rosario",
                 "zone":"America/Argentina/Cordoba","agencyCode":"OBRAS","imported":false,"status":"RUNNING",
                 "filedAt":"2026-11-20T13:00:00Z","receivedOn":"2026-11-20","dueOn":"2026-12-14",
                 "dueAt":"2026-12-14T23:59:59-03:00","remainingDays":null,"extensions":0,"missedAt":null,"answeredAt":null,
                 "outcome":null,"appeal":null,
                 "history":[{"clock":"RESPONSE","status":"RUNNING","oldDueOn":null,"newDueOn":"2026-12-11","cause":"FILED",
                             "instrument":null,"detail":"15 business days","changedAt":"2026-11-20T13:00:01Z"},
                            {"clock":"RESPONSE","status":"RUNNING","oldDueOn":"2026-12-11","newDueOn":"2026-12-14",
                             "cause":"CALENDAR_CHANGE","instrument":"Decreto 1234/2026","detail":"Administrative closure",
                             "changedAt":"2026-11-22T13:00:01Z"}]}""".formatted(ID, TRACKING));
        json("/api/policy", ROSARIO);
        json("/api/policy/profiles/ar-rosario", ROSARIO);
        json("/api/policy/profiles/cl", CHILE);
        json("/api/requests/mine", "[" + REQUEST.formatted(ID, TRACKING, "[]") + "]");
        json("/api/requests", "{\"items\":[" + REQUEST.formatted(ID, TRACKING, "[]") + "],\"total\":1,\"page\":0,\"size\":20}");
        json("/api/agencies", """
                [{"code":"OBRAS","name":"Secretaría de Obras Públicas","contactEmail":"obras@example.org","backupEmail":null,"active":true},
                 {"code":"SALUD","name":"Secretaría de Salud","contactEmail":"salud@example.org","backupEmail":null,"active":true}]""");
        json("/api/agencies/OBRAS/clerks", "[{\"userId\":\"carla-id\",\"username\":\"carla\",\"name\":\"Carla Clerk\"}]");
        json("/api/exemption-grounds", """
                {"law":"Ley 27.275, art. 8","grounds":[{"code":"personal-data","reference":"art. 8 inc. i)",
                 "name":"Datos personales","nameEn":"Personal data"}]}""");
        json("/api/notifications/mine", """
                {"items":[{"id":7,"kind":"receipt","category":"REQUEST_UPDATES","requestId":"%s","trackingNumber":"%s",
                           "title":"Recibimos tu solicitud %s","text":"Vence el lunes 14 de diciembre de 2026.",
                           "createdAt":"2026-11-20T13:00:05Z","read":false}],
                 "page":0,"size":50,"total":1,"unread":1}""".formatted(ID, TRACKING, TRACKING));
        String figures = """
                {"agency":%s,"from":"2026-01-01","to":"2026-12-31","asOf":"2026-11-27T12:00:00Z","received":20,"answered":10,
                 "answeredWithinInitialDeadline":6,"answeredWithinExtendedDeadline":2,"answeredLate":2,"extended":3,
                 "extensionRate":0.15,"extensionsGranted":3,"extensionsGrantedBeforeExpiry":3,
                 "businessDaysToAnswer":{"mean":9.5,"median":9,"p90":14},
                 "outcomes":{"GRANTED":5,"PARTIALLY_GRANTED":3,"DENIED":1,"NOT_HELD":1},
                 "denialsByGround":{"personal-data":3,"trade-secrets":1},"referredRequests":1,"referrals":1,
                 "deemedDenials":2,"withdrawn":1,"appealsFiled":1,"appealsResolved":0,"appealDecisions":{},
                 "openPastDue":{"1-5":2,"6-15":1,"16+":0}}""";
        json("/api/compliance/summary", figures.formatted("null"));
        json("/api/compliance/agencies", "[" + figures.formatted("\"OBRAS\"") + "," + figures.formatted("\"SALUD\"") + "]");
        json("/api/calendars/rosario/entries", """
                [{"id":3,"jurisdiction":"rosario","kind":"ADMINISTRATIVE_CLOSURE","startsOn":"2026-12-02","endsOn":"2026-12-02",
                  "instrument":"Decreto 1234/2026","description":"Cierre","createdBy":"fede","createdAt":"2026-11-22T13:00:00Z"}]""");
        json("/api/calendars/rosario/changes", """
                [{"id":5,"version":4,"action":"ADD","entryId":3,"kind":"ADMINISTRATIVE_CLOSURE","startsOn":"2026-12-02",
                  "endsOn":"2026-12-02","instrument":"Decreto 1234/2026","description":"Cierre","changedBy":"fede",
                  "changedAt":"2026-11-22T13:00:00Z","recomputedAt":"2026-11-22T13:00:02Z","clocksMoved":12}]""");
        return Map.of("web.api-url", "http://127.0.0.1:" + server.port() + "/api");
    }

    private void json(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
