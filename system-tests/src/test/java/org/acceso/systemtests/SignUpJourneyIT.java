package org.acceso.systemtests;

import com.microsoft.playwright.Page;
import io.restassured.RestAssured;
import org.acceso.systemtests.Mailbox.Mail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new person signs themselves up in a real browser, through the front and the realm's own pages (theme
 * {@code acceso}): "Crear cuenta" on the home page, the registration form (first name, last name, e-mail), the link of
 * the confirmation e-mail the realm sends through the stack's SMTP server (read from GreenMail), a password chosen
 * then (Keycloak asks for it only once the address is confirmed), back at the front signed in as a resident, a request
 * filed through the form, its receipt on the page and by e-mail. Then
 * "forgot password": the reset e-mail, its link, a new password, and signed in with it. The realm's new pages get the
 * checks every page of the journeys gets (axe-core at 1280 and 360 px, no sideways scroll, screenshots). Last, the
 * preferred language kept in an account: Ben's (English) pages and filings without a language follow it.
 */
@ExtendWith(SharedSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpJourneyIT {

    /** A link of the realm's account e-mails (address confirmation, password reset): an action token. */
    static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    private final int run = ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final String email = "lucia.benitez." + run + "@example.org";
    private final String password = "Rosario-" + run + "-clave";
    private final String newPassword = "Otra-" + run + "-clave";
    private Browser browser;
    private String front;

    /** A failed step leaves a screenshot of every open page in the screenshots folder. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = Browser.screenshotsOnFailure(() -> browser);

    @BeforeAll
    void startBrowser() {
        browser = Browser.fromSettings();
        front = SharedSystem.get().gatewayUrl();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aNewPersonCreatesAnAccountConfirmsTheAddressAndFilesARequest() {
        Page lucia = browser.newPerson();
        lucia.navigate(front + "/");
        lucia.locator("main").getByText("Crear cuenta").click();

        assertThat(lucia.locator("#kc-page-title")).hasText("Crear tu cuenta");
        assertThat(lucia.locator("#kc-header-wrapper")).containsText("Municipalidad de Rosario");
        assertThat(lucia.locator("#username")).hasCount(0); // the e-mail address is the user name
        // with verifyEmail on, Keycloak asks for the password only once the address is confirmed
        assertThat(lucia.locator("#password")).hasCount(0);
        browser.check(lucia, "sign-up-form-es");
        lucia.locator("#firstName").fill("Lucía");
        lucia.locator("#lastName").fill("Benítez");
        lucia.locator("#email").fill(email);
        lucia.locator("#kc-register-form [type=submit]").click();

        assertThat(lucia.locator("#kc-page-title")).hasText("Confirmá tu correo");
        assertThat(lucia.locator("body")).containsText("Te enviamos un correo a " + email);
        browser.check(lucia, "sign-up-confirm-email-es");

        Mail confirmation = onlyMail(email, "Confirmá tu correo para Acceso");
        assertThat(confirmation.from()).contains(AccesoSystem.MAIL_FROM_ADDRESS);
        assertThat(confirmation.text()).contains("Alguien creó una cuenta en Acceso · Municipalidad de Rosario con este correo",
                "El enlace vence en 12 horas");
        lucia.navigate(linkIn(confirmation));

        assertThat(lucia.locator("#kc-page-title")).hasText("Elegí una contraseña nueva");
        browser.check(lucia, "sign-up-choose-password-es");
        choosePassword(lucia, password);

        assertThat(lucia).hasURL(Pattern.compile(".*/requests$"));
        assertThat(lucia.locator("nav a[href='/requests/new']")).isVisible();
        assertThat(lucia.locator("header .user")).hasText("Lucía Benítez");
        Map<String, Object> account = account(email);
        assertThat(account).as("the account Keycloak keeps").containsEntry("emailVerified", true)
                .containsEntry("username", email).containsEntry("firstName", "Lucía").containsEntry("lastName", "Benítez");
        assertThat(account.get("attributes")).as("attributes").isEqualTo(Map.of("locale", List.of("es")));
        assertThat(realmRoles(account)).as("a new account's roles").contains("resident")
                .doesNotContain("clerk", "coordinator", "auditor", "admin");

        lucia.navigate(front + "/requests/new");
        String subject = "Arbolado de calle Mendoza " + run;
        lucia.locator("#subject").fill(subject);
        lucia.locator("#description").fill("Cantidad de árboles plantados en 2026 en calle Mendoza y sus especies.");
        lucia.locator("#agencyCode").selectOption("OBRAS");
        lucia.locator("main form").locator("button[type=submit]").last().click();

        assertThat(lucia).hasURL(Pattern.compile(".*/requests/[0-9a-f-]{36}/receipt"));
        String trackingNumber = lucia.locator("#tracking-number").textContent().strip();
        assertThat(trackingNumber).matches("AIP-\\d{4}-\\d{6}");
        assertThat(lucia.locator("#due-date time")).hasAttribute("datetime", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        Mail receipt = awaitOrFail("the receipt e-mail to " + email, MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to(email, trackingNumber), found -> !found.isEmpty()).get(0);
        assertThat(receipt.text()).contains(subject);
        lucia.context().close();
    }

    @Test
    @Order(2)
    void aResidentWhoForgotTheirPasswordGetsAResetLinkAndChoosesANewOne() {
        Page lucia = browser.newPerson();
        lucia.navigate(front + "/sign-in");
        assertThat(lucia.locator("#kc-page-title")).hasText("Ingresá a tu cuenta");
        assertThat(lucia.locator("#kc-registration")).containsText("Crear cuenta");
        browser.check(lucia, "sign-in-es");
        lucia.locator("a[href*='reset-credentials']").click();

        assertThat(lucia.locator("#kc-page-title")).hasText("¿Olvidaste tu contraseña?");
        browser.check(lucia, "sign-in-forgot-password-es");
        lucia.locator("#username").fill(email);
        lucia.locator("#kc-reset-password-form [type=submit]").click();
        assertThat(lucia.locator("body")).containsText("te llega un mensaje con el enlace");

        Mail reset = onlyMail(email, "Elegí una contraseña nueva para Acceso");
        assertThat(reset.from()).contains(AccesoSystem.MAIL_FROM_ADDRESS);
        assertThat(reset.text()).contains("Alguien pidió cambiar la contraseña de tu cuenta en Acceso · Municipalidad de Rosario");
        lucia.navigate(linkIn(reset));
        assertThat(lucia.locator("#kc-page-title")).hasText("Elegí una contraseña nueva");
        choosePassword(lucia, newPassword);
        assertThat(lucia).hasURL(Pattern.compile(".*/requests$"));
        lucia.context().close();

        Page again = browser.newPerson();
        signIn(again, email, password);
        assertThat(again.locator("body")).containsText("Usuario o contraseña incorrectos"); // the old password no longer works
        signInAgain(again, email, newPassword);
        assertThat(again).hasURL(Pattern.compile(".*/requests$"));
        assertThat(again.locator("header .user")).hasText("Lucía Benítez");
        again.context().close();
    }

    @Test
    @Order(3)
    void theRealmsPageFollowsTheFrontsLanguageAndBenReadsAndFilesInTheLanguageHisAccountKeeps() {
        Page visitor = browser.newPerson();
        Browser.language(visitor, "en"); // the front in English: so is the realm's page it leads to
        visitor.navigate(front + "/sign-in");
        assertThat(visitor.locator("#kc-page-title")).hasText("Sign in to your account");
        assertThat(visitor.locator("#kc-registration")).containsText("Create account");
        browser.check(visitor, "sign-in-en");
        visitor.context().close();

        Page ben = browser.newPerson(); // a Spanish browser, no language chosen on the front
        signIn(ben, "ben", "ben");
        ben.waitForURL(url -> url.startsWith(front), new Page.WaitForURLOptions().setTimeout(30_000));

        assertThat(ben.locator("html")).hasAttribute("lang", "en");
        assertThat(ben.locator("h1")).hasText("My requests");
        ben.context().close();

        Map<String, String> withoutLanguage = Map.of("subject", "Bus timetables " + run, "description", "Line 102, 2026.");
        var filed = as("ben").body(withoutLanguage).post("/api/requests");
        assertThat(filed.statusCode()).as("%s", filed.asString()).isEqualTo(201);
        assertThat(filed.jsonPath().getString("language")).as("a filing without a language is in the account's").isEqualTo("en");
    }

    // ---- helpers

    /** Chooses a password on the realm's page (after a confirmation or reset link) and comes back to the front. */
    private void choosePassword(Page page, String chosen) {
        page.locator("#password-new").fill(chosen);
        page.locator("#password-confirm").fill(chosen);
        page.locator("#kc-submit").click();
        page.waitForURL(url -> url.startsWith(front), new Page.WaitForURLOptions().setTimeout(30_000));
    }

    /** Opens the realm's sign-in page from the front and sends the form. */
    private void signIn(Page page, String username, String secret) {
        page.navigate(front + "/sign-in");
        signInAgain(page, username, secret);
    }

    /** Sends the realm's sign-in form the page shows now. */
    private static void signInAgain(Page page, String username, String secret) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(secret);
        page.locator("#kc-login").click();
        page.waitForLoadState();
    }

    /** The one e-mail with {@code subject} that {@code address} received (waits for it). */
    private static Mail onlyMail(String address, String subject) {
        List<Mail> found = awaitOrFail("\"" + subject + "\" to " + address, MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to(address).stream().filter(mail -> mail.subject().equals(subject)).toList(),
                mails -> !mails.isEmpty());
        assertThat(found).as("e-mails \"%s\" to %s", subject, address).hasSize(1);
        return found.get(0);
    }

    private static String linkIn(Mail mail) {
        Matcher link = ACTION_LINK.matcher(mail.text());
        assertThat(link.find()).as("a link in %s", mail).isTrue();
        return link.group();
    }

    /** The account as Keycloak keeps it (its admin REST API). */
    private static Map<String, Object> account(String email) {
        List<Map<String, Object>> found = admin().queryParam("email", email).queryParam("exact", true)
                .get(realmAdminUrl() + "/users").jsonPath().getList("$");
        assertThat(found).as("accounts with e-mail %s", email).hasSize(1);
        return found.get(0);
    }

    /** Every realm role the account has, the default roles' composites included. */
    private static List<String> realmRoles(Map<String, Object> account) {
        return admin().get(realmAdminUrl() + "/users/" + account.get("id") + "/role-mappings/realm/composite")
                .jsonPath().getList("name", String.class);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return RestAssured.given().config(Http.config()).auth().oauth2(SharedSystem.get().keycloak().adminToken());
    }

    private static String realmAdminUrl() {
        return SharedSystem.get().keycloak().url() + "/admin/realms/" + KeycloakServer.REALM;
    }
}
