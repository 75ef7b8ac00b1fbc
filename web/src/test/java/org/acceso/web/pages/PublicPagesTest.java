package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public side read by a visitor who never signs in: the register with its search and filters, a published
 * request and its document, the suggestions of the filing form, the statistics and the open data. These pages read
 * register-service's public API only, without a token, and show nobody who asked.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class PublicPagesTest {

    @FakeApi.Server
    WireMockServer api;

    @BeforeEach
    void forgetCalls() {
        api.resetRequests();
    }

    @Test
    void shouldListTheRegisterWithItsSearchAndFiltersToAVisitor() {
        String html = page("/registro?q=luminarias%20%22Echesortu%22&agency=OBRAS&outcome=PARTIALLY_GRANTED&from=2026-01-01&to=2026-12-31&page=1");

        assertThat(html).contains("Registro público de solicitudes", "Solicitudes encontradas: 41",
                "href=\"/registro/" + FakeApi.TRACKING + "\"", "Luminarias de Echesortu", "Entregada en parte",
                "respondida a tiempo", "value=\"luminarias &quot;Echesortu&quot;\"",
                "<option value=\"OBRAS\" selected>Secretaría de Obras Públicas</option>",
                "<option value=\"PARTIALLY_GRANTED\" selected>", "value=\"2026-01-01\"", "Página 2 / 3",
                "href=\"/registro?page=0&amp;q=luminarias+%22Echesortu%22&amp;agency=OBRAS&amp;outcome=PARTIALLY_GRANTED&amp;from=2026-01-01&amp;to=2026-12-31\"",
                "href=\"/sign-in\"");
        LoggedRequest sent = api.findAll(getRequestedFor(urlPathEqualTo("/api/public/requests"))).get(0);
        assertThat(sent.queryParameter("q").firstValue()).isEqualTo("luminarias \"Echesortu\"");
        assertThat(sent.queryParameter("agency").firstValue()).isEqualTo("OBRAS");
        assertThat(sent.queryParameter("outcome").firstValue()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(sent.queryParameter("from").firstValue()).isEqualTo("2026-01-01");
        assertThat(sent.queryParameter("page").firstValue()).isEqualTo("1");
        assertThat(sent.queryParameter("size").firstValue()).isEqualTo("20");
        assertThat(sent.getHeader("Authorization")).isNull();
        // a SALUD without a name in the register is not offered: its name is not known publicly
        assertThat(html).doesNotContain("<option value=\"SALUD\"");
    }

    @Test
    void shouldExplainFiltersItCannotUseInsteadOfFailing() {
        String html = page("/registro?q=" + "a".repeat(250) + "&from=2026-13-01&to=ayer&outcome=DROP%20TABLE&agency=../x&page=-4");

        assertThat(html).contains("La búsqueda puede tener hasta 200 caracteres", "Escribí la fecha como AAAA-MM-DD");
        LoggedRequest sent = api.findAll(getRequestedFor(urlPathEqualTo("/api/public/requests"))).get(0);
        assertThat(sent.queryParameter("q").firstValue()).hasSize(200);
        assertThat(sent.queryParameter("page").firstValue()).isEqualTo("0");
        assertThat(sent.queryParameter("outcome").isPresent()).isFalse();
        assertThat(sent.queryParameter("agency").isPresent()).isFalse();
        assertThat(sent.queryParameter("from").isPresent()).isFalse();
    }

    @Test
    void shouldShowAPublishedRequestWithItsAnswerGroundsAndDocument() {
        String html = page("/registro/" + FakeApi.TRACKING);

        assertThat(html).contains(FakeApi.TRACKING, "Luminarias de Echesortu", "Lo que se preguntó",
                "Listado de luminarias instaladas en 2026. Escribir a [dato personal].", "Lo que se respondió",
                "Se entrega el listado; se omiten los datos de [dato personal].", "Entregada en parte",
                "Datos personales (art. 8 inc. i)", "Secretaría de Obras Públicas", "viernes 20 de noviembre de 2026",
                "miércoles 25 de noviembre de 2026", "respondida a tiempo",
                "href=\"/registro/" + FakeApi.TRACKING + "/documentos/" + FakeApi.PUBLISHED_DOCUMENT + "\"", "listado.pdf");

        String english = given().cookie("lang", "en").get("/registro/" + FakeApi.TRACKING).then().statusCode(200)
                .extract().asString();
        assertThat(english).contains("What was asked", "Partly released", "Personal data (art. 8 inc. i)",
                "Friday 20 November 2026", "answered on time");
    }

    @Test
    void shouldHandOverAPublicDocumentThroughTheFront() {
        Response response = given().get("/registro/" + FakeApi.TRACKING + "/documentos/" + FakeApi.PUBLISHED_DOCUMENT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"listado.pdf\"");
        assertThat(response.asString()).isEqualTo(FakeApi.PUBLISHED_PDF);
    }

    @Test
    void shouldSayWhenARequestIsNotInTheRegister() {
        Response unknown = given().get("/registro/AIP-2026-999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).contains("No encontramos la página").doesNotContain("Exception");

        // path tricks never reach the API
        assertThat(given().urlEncodingEnabled(false).get("/registro/..%2F..%2Finternal").statusCode()).isIn(400, 404);
        assertThat(given().urlEncodingEnabled(false).get("/registro/" + FakeApi.TRACKING + "/documentos/..%2F..")
                .statusCode()).isIn(400, 404);
        assertThat(api.findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl).allMatch(url -> url.startsWith("/api/public/requests/AIP-2026-999999"));
    }

    @Test
    void shouldSuggestAnsweredRequestsLikeTheTextTyped() {
        String fragment = page("/registro/parecidas?texto=luminarias%20instaladas%20en%20Echesortu");

        assertThat(fragment).contains("Estas solicitudes ya respondidas se parecen a la tuya",
                "href=\"/registro/" + FakeApi.TRACKING + "\"", "Luminarias de Echesortu", "Entregada en parte")
                .doesNotContain("<html");
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/api/public/similar"))).get(0)
                .queryParameter("text").firstValue()).isEqualTo("luminarias instaladas en Echesortu");

        api.resetRequests();
        assertThat(page("/registro/parecidas?texto=luz").strip()).isEmpty();
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/api/public/similar")))).isEmpty();
    }

    @Test
    void shouldDrawThePublicStatisticsOfAYearWithTheAuditorsCharts() {
        String html = page("/estadisticas?year=2026");

        assertThat(html).contains("Estadísticas públicas", "<option value=\"2026\" selected>", "<option value=\"2025\"",
                "Respuestas a tiempo por área", "Secretaría de Obras Públicas (OBRAS)", "83 % (10/12)",
                "Solicitudes recibidas por mes", "enero de 2026", "febrero de 2026", "Denegaciones por motivo legal",
                "personal-data", "trade-secrets", "href=\"/datos-abiertos\"");
        assertThat(html.split("<svg class=\"chart\"")).hasSize(4);
        // 2026 only: received 10 + 6 + 3, not December 2025's 7
        assertThat(html).contains("<dt>Recibidas</dt><dd>19</dd>", "<dt>Respondidas a tiempo</dt><dd>11</dd>");
        // a year with no figures falls back to the latest one
        assertThat(page("/estadisticas?year=1999")).contains("<option value=\"2026\" selected>");
    }

    @Test
    void shouldShowTheOpenDataWithItsDictionaryAndLicence() {
        String html = page("/datos-abiertos");

        assertThat(html).contains("Datos abiertos", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
                "href=\"/api/public/open-data/requests.csv\"", "href=\"/api/public/open-data/requests.json\"",
                "href=\"/api/public/open-data/statistics.csv\"", "<code>tracking_number</code>",
                "Si se respondió dentro de ese plazo", "string (YYYY-MM)");
        String english = given().cookie("lang", "en").get("/datos-abiertos").then().statusCode(200).extract().asString();
        assertThat(english).contains("Whether it was answered within that term", "Every published request");
    }

    @Test
    void shouldReadOnlyThePublicApiAndShowNobodyWhoAsked() {
        List<String> pages = List.of("/registro", "/registro/" + FakeApi.TRACKING, "/estadisticas", "/datos-abiertos",
                "/registro/parecidas?texto=luminarias%20instaladas%20en%20Echesortu");
        for (String path : pages) {
            assertThat(page(path)).as(path).doesNotContain("Ana Resident", "ana@example.org", "Carla Clerk");
        }
        // the register's public API, and the law's facts (deadline-service's public policy), without a token
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getUrl()).matches("/api/public/.*|/api/policy(/.*)?");
            assertThat(call.getHeader("Authorization")).isNull();
        });
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldAskOnTheFilingFormWhetherItWasAskedBefore() {
        String form = page("/requests/new");

        assertThat(form).contains("¿Ya se preguntó esto?", "data-similar=\"/registro/parecidas\"",
                "<a href=\"/registro\" id=\"similar-search\"", "id=\"similar-results\" aria-live=\"polite\"");
    }

    @Test
    void shouldLinkThePublicPagesFromEveryPage() {
        assertThat(page("/")).contains("href=\"/registro\"", "href=\"/estadisticas\"", "href=\"/datos-abiertos\"");
    }

    /** The page at {@code path}, sent as written (its query already percent-encoded). */
    private static String page(String path) {
        Response response = given().urlEncodingEnabled(false).get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(200);
        return response.asString();
    }
}
