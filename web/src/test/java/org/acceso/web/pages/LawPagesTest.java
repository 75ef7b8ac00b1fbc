package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every day count and rule a page states comes from deadline-service's policy in force ({@code /api/policy}): the
 * home page, the filing form and the receipt follow a switch of the policy (cached for {@code web.policy-refresh}),
 * units included (Spain counts months), times are shown in the policy's zone, and no page keeps a number of its own.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class LawPagesTest {

    static final Duration SOON = Duration.ofSeconds(20);

    @FakeApi.Server
    WireMockServer api;

    @AfterEach
    void rosarioAgain() {
        inForce(FakeApi.ROSARIO);
        await().atMost(SOON).until(() -> html("/", "es").contains("15 días hábiles."));
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldStateRosariosDaysOnTheHomeFilingAndReceiptPages() {
        assertThat(html("/", "es")).contains("<strong>15 días hábiles.</strong> La Municipalidad tiene 15 días hábiles para "
                        + "responder. Puede extenderlo una sola vez, por 15 días hábiles más,",
                "podés reclamar dentro de 40 días hábiles.", "(Ley 27.275)");
        assertThat(html("/requests/new", "es")).contains("<p id=\"legal-term\">El área tiene 15 días hábiles para responder, "
                + "según la Ley 27.275. Puede extenderlo una sola vez, por 15 días hábiles más,");
        assertThat(html("/requests/" + FakeApi.ID + "/receipt", "es")).contains("<p id=\"legal-term\">Plazo legal: 15 días "
                + "hábiles desde la recepción. Si no te responden a tiempo, podés reclamar dentro de 40 días hábiles.</p>",
                "2026 10:00"); // filed 13:00 UTC, shown in the policy's zone (Córdoba, UTC-3)
        assertThat(html("/requests/new", "en")).contains("The agency has 15 business days to answer, under Ley 27.275. "
                + "It may extend that once, by 15 business days more,");
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldFollowThePolicyWhenDeadlineServiceSwitchesToChile() {
        inForce(FakeApi.CHILE);
        await().atMost(SOON).until(() -> html("/", "es").contains("20 días hábiles."));

        String home = html("/", "es");
        String filing = html("/requests/new", "es");
        String receipt = html("/requests/" + FakeApi.ID + "/receipt", "es");
        assertThat(home).contains("La Municipalidad tiene 20 días hábiles para responder. Puede extenderlo una sola vez, "
                + "por 10 días hábiles más,", "podés reclamar dentro de 15 días hábiles.", "(Ley 20.285)");
        assertThat(filing).contains("<p id=\"legal-term\">El área tiene 20 días hábiles para responder, según la Ley 20.285.");
        assertThat(receipt).contains("<p id=\"legal-term\">Plazo legal: 20 días hábiles desde la recepción. Si no te "
                + "responden a tiempo, podés reclamar dentro de 15 días hábiles.</p>");
        for (String page : new String[] {home, filing, receipt}) {
            assertThat(page).doesNotContain("40 días", "15 días hábiles para", "por 15 días", "Ley 27.275");
        }
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldCountSpainsTermsInMonths() {
        inForce(FakeApi.SPAIN);
        await().atMost(SOON).until(() -> html("/", "en").contains("1 month."));

        assertThat(html("/requests/new", "en")).contains("The agency has 1 month to answer, under Ley 19/2013. It may extend "
                + "that once, by 1 month more,").doesNotContain("business days to answer");
        assertThat(html("/requests/" + FakeApi.ID + "/receipt", "es")).contains("Plazo legal: 1 mes desde la recepción. "
                + "Si no te responden a tiempo, podés reclamar dentro de 1 mes.", "2026 14:00"); // Madrid, UTC+1
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldExplainTheClockByTheProfileItStartedUnder() {
        inForce(FakeApi.CHILE); // the request's clock started under Rosario's profile: its page keeps Rosario's rule
        await().atMost(SOON).until(() -> html("/", "es").contains("20 días hábiles."));

        String page = html("/requests/" + FakeApi.ID, "es");

        assertThat(page).contains("<p id=\"clock-rule\">El día 0 es el de la recepción (si se presenta un día no hábil, el "
                        + "siguiente hábil). El plazo termina al final del 15.º día hábil. No cuentan fines de semana, feriados "
                        + "ni días de cierre de la administración. Una aclaración detiene el plazo hasta la respuesta. Una "
                        + "extensión le suma 15 días hábiles.</p>",
                "<p class=\"hint\" id=\"extend-hint\">Una sola vez, por 15 días hábiles, con motivos escritos y antes de que "
                        + "venza el plazo.</p>");
        assertThat(html("/requests/" + FakeApi.ID, "en")).contains("The deadline ends at the end of the 15th business day.");
    }

    private void inForce(String policy) {
        api.stubFor(get(urlPathEqualTo("/api/policy")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(policy)));
    }

    private static String html(String path, String lang) {
        return given().cookie("lang", lang).get(path).then().statusCode(200).extract().asString();
    }
}
