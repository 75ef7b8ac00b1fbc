package org.acceso.systemtests;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.acceso.systemtests.Gateway.anonymous;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source for each fact of the law: the running system's deadline-service is restarted under Chile's policy profile
 * ({@code DEADLINE_POLICY_PROFILE=cl}: Ley 20.285, 20 + 10 business days, 15 to appeal), and with no other part
 * touched the filing page and the receipt state Chile's days and the new request's clock runs under Chile's profile.
 * Rosario's profile is restored in a {@code finally}, and the pages are back on Rosario's days before the test ends, so
 * the journeys that run in the same system before or after see the system as it was.
 */
@ExtendWith(SharedSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySwitchIT {

    /** A policy read by the web front is refreshed once older than web.policy-refresh (30 s), then shown. */
    static final Duration PAGES_FOLLOW = Duration.ofSeconds(120);
    static final Pattern REQUEST_ID = Pattern.compile("/requests/([0-9a-f-]{36})/receipt");

    private Browser browser;
    private String front;
    private Page ana;

    @BeforeAll
    void signIn() {
        SystemTestSettings settings = SystemTestSettings.fromSystemProperties();
        browser = new Browser(settings.chromium(), settings.axe(), settings.screenshotsDir());
        front = SharedSystem.get().gatewayUrl();
        ana = browser.newPerson();
        ana.navigate(front + "/sign-in");
        ana.locator("#username").fill("ana");
        ana.locator("#password").fill("ana");
        ana.locator("#kc-login").click();
        ana.waitForURL(url -> url.startsWith(front));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void switchingDeadlineServiceToChileChangesTheDaysOnTheFilingPageAndTheReceipt() {
        AccesoSystem system = SharedSystem.get();
        assertThat(filingTerm()).contains("15 días hábiles", "Ley 27.275");
        try {
            system.stack().restart(org.acceso.launcher.Service.DEADLINE, Map.of("DEADLINE_POLICY_PROFILE", "cl"));
            JsonPath policy = ok(anonymous().get("/api/policy"));
            assertThat(policy.getString("profile")).isEqualTo("cl");
            assertThat(policy.getInt("responseDays")).isEqualTo(20);

            String filing = awaitFilingTerm("20 días hábiles");
            assertThat(filing).isEqualTo("El área tiene 20 días hábiles para responder, según la Ley 20.285. Puede "
                    + "extenderlo una sola vez, por 10 días hábiles más, y debe explicar por qué antes de que venza.");

            ana.locator("#subject").fill("Contratos de barrido 2026 (perfil de Chile)");
            ana.locator("#description").fill("Copia de los contratos de barrido vigentes.");
            ana.locator("#agencyCode").selectOption("OBRAS");
            ana.locator("main form").locator("button[type=submit]").last().click();
            ana.waitForURL(url -> REQUEST_ID.matcher(url).find());
            assertThat(ana.locator("#legal-term").textContent().strip()).isEqualTo("Plazo legal: 20 días hábiles desde la "
                    + "recepción. Si no te responden a tiempo, podés reclamar dentro de 15 días hábiles.");
            browser.check(ana, "resident-receipt-cl");

            Matcher id = REQUEST_ID.matcher(ana.url());
            assertThat(id.find()).isTrue();
            JsonPath clock = awaitOrFail("the new request's clock", Duration.ofSeconds(60),
                    () -> ok(as("ana").get("/api/deadlines/{id}", id.group(1))), view -> view.getString("dueOn") != null);
            assertThat(clock.getString("profile")).isEqualTo("cl");
            assertThat(clock.getString("zone")).isEqualTo("America/Santiago");
            assertThat(ana.locator("#due-date time").getAttribute("datetime")).isEqualTo(clock.getString("dueOn"));
        } finally {
            system.stack().restart(org.acceso.launcher.Service.DEADLINE);
        }
        assertThat(ok(anonymous().get("/api/policy")).getString("profile")).isEqualTo("ar-rosario");
        String rosario = awaitFilingTerm("15 días hábiles");
        assertThat(rosario).contains("según la Ley 27.275");
    }

    /**
     * The filing form's legal term once it states {@code days}: reloaded every few seconds (not faster: page loads count
     * against the gateway's rate limit) until the web front's policy cache has refreshed.
     */
    private String awaitFilingTerm(String days) {
        long deadline = System.nanoTime() + PAGES_FOLLOW.toNanos();
        String term = filingTerm();
        while (!term.contains(days) && System.nanoTime() < deadline) {
            ana.waitForTimeout(3000);
            term = filingTerm();
        }
        assertThat(term).as("the filing page's legal term after %d s", PAGES_FOLLOW.toSeconds()).contains(days);
        return term;
    }

    /** The legal term the filing form states (reloaded each time). */
    private String filingTerm() {
        ana.navigate(front + "/requests/new");
        return ana.locator("#legal-term").textContent().strip();
    }
}
