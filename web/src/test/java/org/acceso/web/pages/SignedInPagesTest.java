package org.acceso.web.pages;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.acceso.web.config.StaffOutranksResident;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signed-in page rendered against the API's shapes (a stand-in API): what each role sees, in both languages.
 * The real sign-in and the real API are the browser journeys' (system-tests).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class SignedInPagesTest {

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldShowTheResidentHerRequestWithHowTheDueDateCameAbout() {
        String html = page("/requests/" + FakeApi.ID);

        assertThat(html).contains(FakeApi.TRACKING, "Luminarias de Echesortu", "lunes 14 de diciembre de 2026",
                "Cómo se calculó el plazo", "Cambio en el calendario", "Decreto 1234/2026", "Entregada en parte",
                "Datos personales (art. 8 inc. i)", "/requests/" + FakeApi.ID + "/documents/", "listado.pdf",
                "id=\"form-appeal\"", "Historia del trámite", "Presentada");
        assertThat(html).contains("<span class=\"badge\">1");
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldShowTheResidentPagesInEnglish() {
        String html = given().cookie("lang", "en").get("/requests/" + FakeApi.ID).then().statusCode(200).extract().asString();

        assertThat(html).contains("<html lang=\"en\">", "How the deadline was computed", "Monday 14 December 2026",
                "Calendar change", "Partly released", "Personal data (art. 8 inc. i)");
        assertThat(page("/requests")).contains(FakeApi.TRACKING, "Mis solicitudes");
        assertThat(page("/requests/new")).contains("Hacer una solicitud de información", "name=\"subject\"",
                "Secretaría de Obras Públicas", "csrf-token");
        assertThat(page("/notices")).contains("Recibimos tu solicitud " + FakeApi.TRACKING, "Marcar como leído");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldOfferTheClerkTheMovesTheApiAllows() {
        String html = page("/requests/" + FakeApi.ID);

        assertThat(html).contains("id=\"form-assign\"", "id=\"form-clarify\"", "id=\"form-extend\"", "id=\"form-answer\"",
                "enctype=\"multipart/form-data\"", "id=\"ground-personal-data\"", "id=\"form-refer\"", "SALUD",
                "Otro organismo, fuera de la Municipalidad");
        assertThat(page("/inbox?q=luminarias&status=ASSIGNED&sort=-filedAt")).contains("Bandeja de entrada", FakeApi.TRACKING,
                "value=\"luminarias\"", "<option value=\"ASSIGNED\" selected>", "<option value=\"-filedAt\" selected>");
    }

    @Test
    @TestSecurity(user = "dora", roles = {"clerk", "resident"}, augmentors = StaffOutranksResident.class)
    void shouldShowAClerkWhoAlsoHoldsTheResidentRoleOnlyTheClerksPages() {
        // an account made in Keycloak's console keeps the realm's default role resident unless it is taken away
        String inbox = page("/inbox");

        assertThat(inbox).contains("Bandeja de entrada", "href=\"/inbox\"").doesNotContain("href=\"/requests/new\"");
        Response filing = given().redirects().follow(false).get("/requests/new");
        assertThat(filing.statusCode()).isEqualTo(403);
        assertThat(filing.asString()).contains("<h1>No tenés permiso</h1>").doesNotContain("Exception");
        assertThat(page("/requests/" + FakeApi.ID)).contains("id=\"form-assign\"", "id=\"form-answer\"");
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldShowTheCoordinatorTheFrontDeskAndTheClerksToAssign() {
        assertThat(page("/desk")).contains("Mesa de entradas", "Sin derivar", FakeApi.TRACKING);
        assertThat(page("/requests/" + FakeApi.ID)).contains("Asignar o reasignar", "Carla Clerk", "Resolver el reclamo");
    }

    @Test
    @TestSecurity(user = "fede", roles = "auditor")
    void shouldDrawTheDashboardAndTheCalendar() {
        String dashboard = page("/dashboard");

        assertThat(dashboard).contains("Respuestas a tiempo por área", "80 % (8/10)", "mediana 9 · p90 14",
                "Datos personales (art. 8 inc. i)", "/dashboard/summary.csv?from=", "<svg class=\"chart\"");
        assertThat(dashboard.split("<svg class=\"chart\"")).hasSize(5);
        String calendar = given().get("/calendar?added=3").then().statusCode(200).extract().asString();
        assertThat(calendar).contains("Decreto 1234/2026", "id=\"clocks-moved\">12<", "Cierre de la administración",
                "name=\"instrument\"");
    }

    private static String page(String path) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(200);
        return response.asString();
    }
}
