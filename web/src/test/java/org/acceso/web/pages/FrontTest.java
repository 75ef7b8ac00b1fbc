package org.acceso.web.pages;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages anyone can reach, signing in, the language switch and the front's security headers. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FrontTest {

    @Test
    void shouldExplainTheRightInSpanishByDefault() {
        Response home = given().get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        String html = home.asString();
        assertThat(html).contains("<html lang=\"es\">", "<h1>Tu derecho a saber</h1>",
                "href=\"#main\"", "<main id=\"main\"", "href=\"/sign-in\"");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void shouldSpeakEnglishWhenTheLanguageCookieSaysSo() {
        String html = given().cookie("lang", "en").get("/").asString();

        assertThat(html).contains("<html lang=\"en\">", "<h1>Your right to know</h1>");
    }

    /** Here no API answers: with no policy read, the pages state no day count and no law rather than guess one. */
    @Test
    void shouldStateNoDayCountWhileThePolicyIsNotKnown() {
        String html = given().get("/").asString();

        assertThat(html).contains("El silencio es una negativa.", "podés reclamar.",
                "Acceso: solicitudes de acceso a la información pública. Software libre.")
                .doesNotContain("hábiles", "Ley ", "{term}", "{law}");
    }

    @Test
    void shouldHaveNoInlineScriptOrStyleAndServeItsOwnAssets() {
        String html = given().get("/").asString();

        assertThat(html).doesNotContain("style=", "<style", "onclick", "javascript:")
                .containsPattern("<script src=\"/static/acceso.js\" defer></script>");
        assertThat(html.replace("<script src=\"/static/acceso.js\" defer></script>", "")).doesNotContain("<script");
        given().get("/static/acceso.css").then().statusCode(200).contentType("text/css");
        given().get("/static/acceso.js").then().statusCode(200);
    }

    @Test
    void shouldSendPeopleToTheRealmWithPkceAndComeBackToThePublicAddress() {
        Response response = given().redirects().follow(false)
                .header("X-Forwarded-Host", "127.0.0.1:8080").header("X-Forwarded-Proto", "http")
                .get("/requests/new");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        String query = URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(location.getPath()).endsWith("/realms/quarkus");
        assertThat(query).contains("response_type=code", "code_challenge_method=S256", "code_challenge=",
                "redirect_uri=http://127.0.0.1:8080/signed-in", "client_id=quarkus-web-app");
        assertThat(response.header("Set-Cookie")).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void shouldOfferVisitorsToCreateAnAccountOnTheHomePageAndBesideSignIn() {
        String spanish = given().get("/").asString();
        String english = given().cookie("lang", "en").get("/").asString();

        assertThat(spanish.split("<a class=\"sign-up\" href=\"/sign-up\">Crear cuenta</a>")).as("beside Ingresar").hasSize(2);
        assertThat(spanish).contains("<a class=\"button secondary\" href=\"/sign-up\">Crear cuenta</a>",
                "Creá tu cuenta: te pedimos nombre, apellido y correo electrónico");
        assertThat(english).contains("<a class=\"sign-up\" href=\"/sign-up\">Create account</a>",
                "<a class=\"button secondary\" href=\"/sign-up\">Create account</a>");
    }

    @Test
    void shouldSendANewPersonToTheRealmsRegistrationPageAndBackSignedIn() {
        Response response = given().redirects().follow(false)
                .header("X-Forwarded-Host", "127.0.0.1:8080").header("X-Forwarded-Proto", "http")
                .get("/sign-up");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        String query = URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(location.getPath()).endsWith("/realms/quarkus");
        assertThat(query).contains("prompt=create", "ui_locales=es", "response_type=code", "code_challenge_method=S256",
                "redirect_uri=http://127.0.0.1:8080/signed-in", "client_id=quarkus-web-app");
    }

    @Test
    void shouldShowTheRealmsSignInPageInTheLanguageOfTheFront() {
        Response response = given().redirects().follow(false).cookie("lang", "en").get("/sign-in");

        assertThat(response.statusCode()).isEqualTo(302);
        String query = URLDecoder.decode(URI.create(response.header("Location")).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("ui_locales=en").doesNotContain("prompt=");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() {
        given().redirects().follow(false).formParam("lang", "en").formParam("back", "/").post("/language")
                .then().statusCode(400);
    }

    @Test
    void shouldSwitchLanguageWithTheFormAndNeverRedirectElsewhere() {
        Response home = given().get("/");
        String cookie = home.cookie("csrf-token");
        String token = home.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");

        Response switched = given().redirects().follow(false).cookie("csrf-token", cookie)
                .formParam("csrf-token", token).formParam("lang", "en").formParam("back", "//evil.example/")
                .post("/language");

        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(URI.create(switched.header("Location")).getPath()).isEqualTo("/");
        assertThat(URI.create(switched.header("Location")).getHost()).isNotEqualTo("evil.example");
        assertThat(switched.headers().getValues("Set-Cookie")).anySatisfy(setCookie ->
                assertThat(setCookie).startsWith("lang=en").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void shouldAnswerAnUnknownPageWithAPageNotAStackTrace() {
        Response response = given().get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.asString()).contains("<h1>No encontramos la página</h1>").doesNotContain("Exception", "at org.");
    }
}
