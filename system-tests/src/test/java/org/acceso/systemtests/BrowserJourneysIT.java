package org.acceso.systemtests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
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

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.acceso.systemtests.Gateway.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's main journey in a real browser, through the gateway's front at {@code /} and the real Keycloak sign-in
 * page: Ana files a request through the form (after the form refuses it empty) and sees the receipt; Carla finds it in
 * OBRAS's inbox, takes it and asks for a clarification; Ana replies on her page; Carla answers PARTIALLY_GRANTED with
 * a ground and a PDF; Ana downloads the PDF byte for byte and sees her notices; Elena routes a new request from the
 * front desk; Carla registers a request handed in on paper and prints its receipt; Fede sees the dashboard's charts, downloads its CSV and adds a closure that moves open due dates.
 * Every page is checked at 1280 and 360 px (axe-core: no serious or critical violation; no sideways scroll at 360 px;
 * no Content-Security-Policy violation) and photographed; the resident's pages in Spanish and English.
 */
@ExtendWith(SharedSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    static final byte[] PDF = RequestLifecycleIT.PDF;
    static final Pattern REQUEST_ID = Pattern.compile("/requests/([0-9a-f-]{36})");

    private Browser browser;
    private String front;
    /** A word only this run's request has, to find it with the inbox's full-text search. */
    private final String marker = "ref" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final String subject = "Luminarias del barrio Echesortu " + marker;
    private String requestId;
    private String trackingNumber;
    private Page ana;
    private Page carla;

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
            System.out.println("Browser journeys checked " + browser.checkedPages().size() + " pages at 1280 and 360 px: "
                    + browser.checkedPages());
            browser.close();
        }
    }

    @Test
    @Order(1)
    void visitorsReadTheirRightsInSpanishAndEnglishAndAreToldWhenAPageDoesNotExist() {
        Page visitor = browser.newPerson();
        visitor.navigate(front + "/");
        assertThat(visitor.locator("h1")).hasText("Tu derecho a saber");
        assertThat(visitor.locator("main")).containsText("15 días hábiles");
        browser.check(visitor, "home-es");
        visitor.locator("form.lang button").click();
        assertThat(visitor.locator("html")).hasAttribute("lang", "en");
        assertThat(visitor.locator("h1")).hasText("Your right to know");
        browser.check(visitor, "home-en");
        visitor.navigate(front + "/no-such-page");
        assertThat(visitor.locator("h1")).hasText("Page not found");
        browser.check(visitor, "not-found-en");
        visitor.context().close();
    }

    @Test
    @Order(2)
    void anaFilesARequestThroughTheFormAndSeesTheReceipt() {
        ana = signIn("ana");
        assertThat(ana).hasURL(Pattern.compile(".*/requests$"));
        ana.navigate(front + "/requests/new");
        assertThat(ana.locator("h1")).hasText("Hacer una solicitud de información");
        bothLanguages(ana, "resident-file");

        submit(ana, "main form");
        Locator summary = ana.locator("#error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.locator("a[href='#subject']")).hasText("Escribí el tema de tu solicitud.");
        assertThat(summary.locator("a[href='#description']")).hasText("Describí qué información pedís.");
        assertThat(ana.locator("#subject")).hasAttribute("aria-invalid", "true");
        browser.check(ana, "resident-file-errors-es");

        ana.locator("#subject").fill(subject);
        ana.locator("#description").fill("Listado de las luminarias instaladas en 2026 en Echesortu, con su costo.");
        ana.locator("#agencyCode").selectOption("OBRAS");
        submit(ana, "main form");

        assertThat(ana).hasURL(Pattern.compile(".*/requests/[0-9a-f-]{36}/receipt"));
        trackingNumber = ana.locator("#tracking-number").textContent().strip();
        assertThat(trackingNumber).matches("AIP-\\d{4}-\\d{6}");
        assertThat(ana.locator("#due-date time")).hasAttribute("datetime", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        requestId = idIn(ana.url());
        bothLanguages(ana, "resident-receipt");

        ana.navigate(front + "/requests");
        assertThat(ana.locator("main table")).containsText(trackingNumber);
        bothLanguages(ana, "resident-requests");
    }

    @Test
    @Order(3)
    void carlaFindsItInTheInboxTakesItAndAsksForAClarification() {
        carla = signIn("carla");
        assertThat(carla).hasURL(Pattern.compile(".*/inbox$"));
        browser.check(carla, "clerk-inbox");
        carla.locator("#q").fill(marker);
        submit(carla, "form.filters");
        Locator row = carla.locator("main table tbody tr", new Page.LocatorOptions().setHasText(trackingNumber));
        assertThat(row).hasCount(1);
        browser.check(carla, "clerk-inbox-search");
        row.locator("a").click();

        assertThat(carla.locator("h1")).containsText(subject);
        browser.check(carla, "clerk-request-received");
        submit(carla, "#form-assign");
        assertThat(carla.locator("#done")).isVisible();
        assertThat(carla.locator(".status").first()).hasText("En trámite");

        submit(carla, "#form-clarify");
        assertThat(carla.locator("#form-clarify .error-summary a[href='#question']")).isVisible();
        browser.check(carla, "clerk-request-errors");
        carla.locator("#question").fill("¿Le interesan también las luminarias reparadas, o solo las nuevas?");
        submit(carla, "#form-clarify");
        assertThat(carla.locator("#done")).containsText("aclaración");
        assertThat(carla.locator(".status").first()).hasText("Espera tu aclaración");
        assertThat(carla.locator("#form-answer")).hasCount(0); // the state machine allows no answer while waiting
    }

    @Test
    @Order(4)
    void anaRepliesOnHerPage() {
        ana.navigate(front + "/requests/" + requestId);
        assertThat(ana.locator("#question ~ p.text")).hasText("¿Le interesan también las luminarias reparadas, o solo las nuevas?");
        bothLanguages(ana, "resident-request-clarification");
        ana.locator("#reply-text").fill("Solo las nuevas, instaladas desde enero.");
        submit(ana, "main section.attention form");
        assertThat(ana.locator("#done")).isVisible();
        assertThat(ana.locator(".status").first()).hasText("En trámite");
        assertThat(ana.locator("#clock")).isVisible();
    }

    @Test
    @Order(5)
    void carlaAnswersWithAGroundAndAPdf() {
        carla.navigate(front + "/requests/" + requestId);
        assertThat(carla.locator("#form-answer")).isVisible();
        browser.check(carla, "clerk-request-answer-form");
        carla.locator("#outcome-PARTIALLY_GRANTED").check();
        carla.locator("#answer-text").fill("Se entrega el listado; se testaron los nombres de los operarios.");
        submit(carla, "#form-answer");
        assertThat(carla.locator("#form-answer .error-summary")).containsText("motivo legal");

        carla.locator("#outcome-PARTIALLY_GRANTED").check();
        carla.locator("#ground-personal-data").check();
        carla.locator("#answer-text").fill("Se entrega el listado; se testaron los nombres de los operarios.");
        carla.locator("#documents").setInputFiles(new FilePayload("luminarias-echesortu-2026.pdf", "application/pdf", PDF));
        submit(carla, "#form-answer");
        assertThat(carla.locator("#done")).isVisible();
        assertThat(carla.locator(".status").first()).hasText("Respondida");
        assertThat(carla.locator("#answer ~ p").first()).containsText("Entregada en parte");
        assertThat(carla.locator("#answer ~ ul")).containsText("art. 8 inc. i)");
        browser.check(carla, "clerk-request-answered");
    }

    @Test
    @Order(6)
    void anaDownloadsThePdfAndReadsHerNotices() throws Exception {
        ana.navigate(front + "/requests/" + requestId);
        Locator link = ana.locator("ul.documents a");
        assertThat(link).containsText("luminarias-echesortu-2026.pdf");
        Download download = ana.waitForDownload(link::click);
        assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);
        assertThat(ana.locator("#form-appeal")).isVisible();
        bothLanguages(ana, "resident-request-answered");

        ana.navigate(front + "/notices");
        Locator answerNotice = ana.locator("ol.notices li", new Page.LocatorOptions().setHasText(trackingNumber));
        Gateway.awaitOrFail("Ana's notices about " + trackingNumber, Duration.ofSeconds(60), () -> {
            ana.reload();
            return answerNotice.count();
        }, count -> count >= 3);
        assertThat(Long.parseLong(ana.locator("#unread-count").textContent().strip())).isPositive();
        assertThat(ana.locator("nav .badge")).isVisible();
        bothLanguages(ana, "resident-notices");
        Locator unread = answerNotice.and(ana.locator("li.unread")).first();
        String noticeId = unread.getAttribute("id");
        unread.locator("form button").click();
        assertThat(ana.locator("#" + noticeId)).not().hasClass(Pattern.compile(".*\\bunread\\b.*"));
    }

    @Test
    @Order(7)
    void elenaRoutesANewRequestFromTheFrontDesk() {
        String unrouted = "Habilitaciones comerciales de farmacias " + marker;
        String id = as("ana").body(Map.of("subject", unrouted,
                "description", "Listado de farmacias habilitadas en 2026.")).post("/api/requests").jsonPath().getString("id");
        Page elena = signIn("elena");
        assertThat(elena).hasURL(Pattern.compile(".*/desk$"));
        Locator card = elena.locator("ul.cards li", new Page.LocatorOptions().setHasText(unrouted));
        assertThat(card).hasCount(1);
        browser.check(elena, "coordinator-desk");
        card.locator("a").click();
        assertThat(elena.locator("#form-assign")).isVisible();
        browser.check(elena, "coordinator-request");
        elena.locator("#form-assign #agencyCode").selectOption("SALUD");
        submit(elena, "#form-assign");
        assertThat(elena.locator("#done")).isVisible();
        assertThat(elena.locator("#status")).isVisible();
        assertThat(elena.locator("main dl").first()).containsText("SALUD");
        assertThat(elena.url()).contains(id);
        elena.context().close();
    }

    @Test
    @Order(8)
    void carlaRegistersARequestHandedInAtTheDeskAndPrintsItsReceipt() {
        carla.navigate(front + "/register");
        assertThat(carla.locator("h1")).hasText("Registrar solicitud recibida");
        assertThat(carla.locator("#channel-IN_PERSON")).isChecked();
        browser.check(carla, "clerk-register");

        carla.locator("#subject").fill("Expedientes de obra del barrio Echesortu " + marker);
        submit(carla, "main form.stack");
        assertThat(carla.locator("#error-summary a[href='#requester.name']")).isVisible();
        assertThat(carla.locator("#error-summary a[href='#description']")).isVisible();
        browser.check(carla, "clerk-register-errors");

        carla.locator("[id='requester.name']").fill("Rosa Ruiz");
        carla.locator("[id='requester.postalAddress']").fill("Bv. Oroño 1234, 2000 Rosario");
        carla.locator("#description").fill("Copia de los expedientes de repavimentación de 2025, entregada en papel.");
        submit(carla, "main form.stack");

        assertThat(carla).hasURL(Pattern.compile(".*/requests/[0-9a-f-]{36}/receipt"));
        assertThat(carla.locator("#tracking-number")).hasText(Pattern.compile("AIP-\\d{4}-\\d{6}"));
        String id = idIn(carla.url());
        Gateway.awaitOrFail("the receipt's due date", Duration.ofSeconds(60), () -> {
            carla.reload();
            return carla.locator("#due-date time").count();
        }, count -> count == 1);
        assertThat(carla.locator("main")).containsText("Rosa Ruiz");
        assertThat(carla.locator("button[data-print]")).isVisible();
        browser.check(carla, "clerk-receipt-print");
        var pdf = carla.request().get(front + "/requests/" + id + "/receipt.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    @Order(8)
    void fedeSeesTheDashboardDownloadsItsCsvAndAddsAClosure() throws Exception {
        Page fede = signIn("fede");
        assertThat(fede).hasURL(Pattern.compile(".*/dashboard$"));
        assertThat(fede.locator("svg.chart[role=img]")).hasCount(4);
        assertThat(fede.locator("#chart-on-time-title")).hasText("Respuestas a tiempo por área");
        assertThat(fede.locator("section[aria-labelledby=on-time] table")).containsText("OBRAS");
        browser.check(fede, "auditor-dashboard");
        Download csv = fede.waitForDownload(() -> fede.locator("p.downloads a").first().click());
        assertThat(Files.readString(csv.path())).startsWith("agency,from,to,figure,key,value");

        fede.navigate(front + "/calendar");
        browser.check(fede, "auditor-calendar");
        LocalDate closure = nextWeekday(LocalDate.now(ZoneId.of("America/Argentina/Cordoba")).plusDays(6));
        fede.locator("#kind").selectOption("ADMINISTRATIVE_CLOSURE");
        fede.locator("#startsOn").fill(closure.toString());
        fede.locator("#instrument").fill("Decreto " + marker + "/2026");
        fede.locator("#description").fill("Cierre por desinfección del edificio");
        submit(fede, "main form.stack");
        assertThat(fede.locator("#added")).containsText("Decreto " + marker + "/2026");
        String moved = Gateway.awaitOrFail("the closure's recomputation", Duration.ofSeconds(60), () -> {
            fede.reload();
            Locator count = fede.locator("#clocks-moved");
            return count.count() == 0 ? null : count.textContent().strip();
        }, value -> value != null);
        assertThat(Integer.parseInt(moved)).as("open requests whose due date the closure moved").isPositive();
        browser.check(fede, "auditor-calendar-added");
        fede.context().close();
    }

    @Test
    @Order(9)
    void noPageBrokeTheContentSecurityPolicy() {
        assertThat(browser.policyViolations()).isEmpty();
        assertThat(browser.checkedPages()).hasSizeGreaterThanOrEqualTo(20);
        if (ana != null) {
            ana.context().close();
        }
        if (carla != null) {
            carla.context().close();
        }
    }

    // ---- helpers

    /** Signs in on the realm's own page (Keycloak) and comes back to the front. */
    private Page signIn(String user) {
        Page page = browser.newPerson();
        page.navigate(front + "/sign-in");
        assertThat(page.locator("#kc-login")).isVisible();
        if (user.equals("ana")) {
            browser.screenshot(page, "sign-in-keycloak");
        }
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(front));
        return page;
    }

    /** Checks the page in Spanish, then in English, and leaves it in Spanish. */
    private void bothLanguages(Page page, String name) {
        browser.check(page, name + "-es");
        Browser.language(page, "en");
        page.reload();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        browser.check(page, name + "-en");
        Browser.language(page, "es");
        page.reload();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
    }

    private static void submit(Page page, String form) {
        page.locator(form).locator("button[type=submit]").last().click();
        page.waitForLoadState();
    }

    private static String idIn(String url) {
        Matcher matcher = REQUEST_ID.matcher(url);
        assertThat(matcher.find()).as("a request id in %s", url).isTrue();
        return matcher.group(1);
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day;
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
