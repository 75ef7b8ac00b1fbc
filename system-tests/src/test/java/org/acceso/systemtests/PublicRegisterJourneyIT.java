package org.acceso.systemtests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public side in a real browser, on the run's one system. Ana asks OBRAS for a pruning plan in words full of her
 * own data (name, DNI, phone, e-mail); Carla answers with a PDF that names her too. Carla publishes it through the
 * "Publicar" step: every datum found is marked, the texts to publish already read {@code [dato personal]}, she makes
 * the PDF public, and the page links the published copy. A visitor who never signs in finds it by searching the
 * register, reads the answer, downloads the public PDF (its text has none of Ana's data), and opens the statistics and
 * the open data. Later, Ana typing a question like it on the filing form sees it suggested. Every new page passes
 * axe-core (no serious or critical violation) at 1280 and 360 px without sideways scroll.
 */
@ExtendWith(SharedSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicRegisterJourneyIT {

    /** Ana's own data, in her question, the answer and the PDF: none of it may reach a public page. */
    static final List<String> PERSONAL = List.of("Ana Pérez", "Pérez", "20.123.456", "155-123456", "ana@example.org");

    private Browser browser;
    private String front;
    /** A word only this run's request has (letters only: no detector takes it for a number), to search for it. */
    private final String marker = "qx" + randomLetters(6);
    private String requestId;
    private String trackingNumber;
    private String documentId;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshotOpenPages("public-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void start() throws IOException {
        SystemTestSettings settings = SystemTestSettings.fromSystemProperties();
        browser = new Browser(settings.chromium(), settings.axe(), settings.screenshotsDir());
        front = SharedSystem.get().gatewayUrl();

        requestId = ok(as("ana").body(Map.of("subject", "Plan de poda de fresnos " + marker,
                "description", "Soy Ana Pérez, DNI 20.123.456. Pido el plan de poda de fresnos " + marker
                        + " de 2026 en el barrio Alberdi. Llamar al 341 155-123456 o escribir a ana@example.org.",
                "agencyCode", "OBRAS")).post("/api/requests")).getString("id");
        ok(as("elena").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/{id}/assignment", requestId));
        Response uploaded = as("carla").contentType("multipart/form-data")
                .multiPart("file", "plan-poda-" + marker + ".pdf", pdf("Plan de poda de fresnos " + marker
                        + " 2026. Pedido por Ana Pérez, DNI 20.123.456, tel. 341 155-123456."), "application/pdf")
                .post("/api/requests/{id}/documents", requestId);
        assertThat(uploaded.statusCode()).as("upload: %s", uploaded.asString()).isEqualTo(201);
        documentId = uploaded.jsonPath().getString("id");
        JsonPath answered = ok(as("carla").body(Map.of("outcome", "GRANTED",
                        "text", "Se adjunta el plan de poda de fresnos " + marker + ". La consulta de Ana Pérez se respondió "
                                + "también al 341 155-123456.", "grounds", List.of(), "documentIds", List.of(documentId)))
                .post("/api/requests/{id}/answer", requestId));
        assertThat(answered.getString("status")).isEqualTo("ANSWERED");
        trackingNumber = answered.getString("trackingNumber");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
            System.out.println("Public register journey checked " + browser.checkedPages().size() + " pages: "
                    + browser.checkedPages());
            browser.close();
        }
    }

    @Test
    @Order(1)
    void carlaPublishesTheAnswerThroughTheRedactionStep() {
        Page carla = signIn("carla");
        carla.navigate(front + "/requests/" + requestId);
        carla.locator("#publish-step").click();
        assertThat(carla.locator("h1")).containsText(trackingNumber);
        Locator found = carla.locator("#marked-question mark.personal");
        assertThat(found.filter(new Locator.FilterOptions().setHasText("20.123.456"))).hasCount(1);
        assertThat(found.filter(new Locator.FilterOptions().setHasText("ana@example.org"))).hasCount(1);
        assertThat(found.filter(new Locator.FilterOptions().setHasText("155-123456"))).hasCount(1);
        String question = carla.locator("#question").inputValue();
        assertThat(question).contains("[dato personal]", marker);
        PERSONAL.forEach(datum -> assertThat(question).doesNotContain(datum));
        assertThat(carla.locator("#answer").inputValue()).contains("[dato personal]").doesNotContain("155-123456");
        browser.check(carla, "clerk-publication-proposal");

        carla.locator("#public-" + documentId).check();
        carla.locator("#form-publish button[type=submit]").click();
        carla.waitForLoadState();
        assertThat(carla.locator("#done")).isVisible();
        assertThat(carla.locator("#public-link")).hasAttribute("href", "/registro/" + trackingNumber);
        browser.check(carla, "clerk-publication-done");

        // the register shows it once the event arrived and it holds its copy of the PDF (Carla's token: her own limit)
        carla.locator("#public-link").click();
        awaitOrFail("the published request with its document in the register", Duration.ofSeconds(90), () -> {
            carla.reload();
            return carla.locator("#public-documents ~ ul a").count();
        }, count -> count == 1);
        carla.context().close();
    }

    @Test
    @Order(2)
    void aVisitorWhoNeverSignsInSearchesReadsAndDownloads() throws IOException {
        Page visitor = browser.newPerson();
        visitor.navigate(front + "/registro");
        assertThat(visitor.locator("h1")).hasText("Registro público de solicitudes");
        assertThat(visitor.locator("a[href='/sign-in']")).isVisible();
        browser.check(visitor, "public-register");

        visitor.locator("#q").fill(marker);
        visitor.locator("form.filters button[type=submit]").click();
        visitor.waitForLoadState();
        Locator card = visitor.locator("ol.register-list li", new Page.LocatorOptions().setHasText(trackingNumber));
        assertThat(card).hasCount(1);
        assertThat(card).containsText("Concedida: se entregó la información pedida");
        browser.check(visitor, "public-register-search");

        card.locator("h2 a").click();
        assertThat(visitor.locator("h1")).containsText(trackingNumber);
        assertThat(visitor.locator("#outcome-text")).hasText("Concedida: se entregó la información pedida");
        assertThat(visitor.locator("#timeliness")).hasText("respondida a tiempo");
        String main = visitor.locator("main").innerText();
        assertThat(main).contains("[dato personal]", "plan de poda de fresnos " + marker);
        PERSONAL.forEach(datum -> assertThat(main).as("the public page").doesNotContain(datum));
        browser.check(visitor, "public-request");

        Download download = visitor.waitForDownload(() -> visitor.locator("#public-documents ~ ul a").click());
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument copy = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(copy);
            PERSONAL.forEach(datum -> assertThat(text).as("the public PDF's text").doesNotContain(datum));
        }

        visitor.navigate(front + "/estadisticas");
        assertThat(visitor.locator("h1")).hasText("Estadísticas públicas");
        assertThat(visitor.locator("svg.chart[role=img]")).hasCount(3);
        assertThat(visitor.locator("#chart-public-on-time-title")).hasText("Respuestas a tiempo por área");
        browser.check(visitor, "public-statistics");

        visitor.navigate(front + "/datos-abiertos");
        assertThat(visitor.locator("h1")).hasText("Datos abiertos");
        assertThat(visitor.locator("a[href='/api/public/open-data/requests.csv']")).isVisible();
        assertThat(visitor.locator("main")).containsText("tracking_number");
        assertThat(visitor.locator("main")).containsText("CC BY 4.0");
        browser.check(visitor, "public-open-data");
        Browser.language(visitor, "en");
        visitor.reload();
        assertThat(visitor.locator("h1")).hasText("Open data");
        browser.check(visitor, "public-open-data-en");
        visitor.context().close();
    }

    @Test
    @Order(3)
    void anaTypingALikeQuestionSeesItSuggested() {
        Page ana = signIn("ana");
        ana.navigate(front + "/requests/new");
        assertThat(ana.locator("#similar-title")).hasText("¿Ya se preguntó esto?");
        assertThat(ana.locator("#similar-search")).hasAttribute("href", "/registro");
        ana.locator("#subject").fill("Poda de fresnos");
        ana.locator("#description").pressSequentially("Quisiera saber el plan de poda de fresnos " + marker + " en Alberdi",
                new Locator.PressSequentiallyOptions().setDelay(5));
        assertThat(ana.locator("#similar-results a[href='/registro/" + trackingNumber + "']"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(ana.locator("#similar-search")).hasAttribute("href", Pattern.compile("/registro\\?q=Poda.*"));
        browser.check(ana, "resident-file-similar");
        ana.context().close();
    }

    private Page signIn(String user) {
        Page page = browser.newPerson();
        page.navigate(front + "/sign-in");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(front));
        return page;
    }

    /** A one-page PDF with a real text layer (Helvetica, WinAnsi: accents included). */
    static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String randomLetters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
