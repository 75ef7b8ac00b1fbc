package org.acceso.systemtests;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.ScreenshotType;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium for the whole run (the build unpacks it from the npm package {@code @sparticuz/chromium};
 * Playwright's own download is off), a browser context per person (their cookies: the web front's session), and the
 * checks every page gets: axe-core with no serious or critical violation, no horizontal scroll at 360 px, no
 * Content-Security-Policy violation, and a screenshot at 1280 and 360 px.
 */
final class Browser implements AutoCloseable {

    static final int WIDE = 1280;
    static final int NARROW = 360;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String axe;
    private final Path screenshots;
    private final List<String> policyViolations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    Browser(Path chromiumExecutable, Path axeScript, Path screenshots) {
        assertThat(chromiumExecutable).as("Chromium (unpacked by the build: node system-tests/src/build/fetch-browser.mjs)")
                .isExecutable();
        assertThat(axeScript).as("axe-core (fetched by the build)").isRegularFile();
        try {
            this.axe = Files.readString(axeScript);
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new AssertionError("Could not prepare the browser checks", e);
        }
        this.screenshots = screenshots;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromiumExecutable)
                .setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run")));
    }

    /** The browser of a journey class: the build's Chromium and axe-core, screenshots where the settings say. */
    static Browser fromSettings() {
        SystemTestSettings settings = SystemTestSettings.fromSystemProperties();
        return new Browser(settings.chromium(), settings.axe(), settings.screenshotsDir());
    }

    /** For a journey class's {@code @RegisterExtension}: a failed step leaves a screenshot of every page still open. */
    static AfterTestExecutionCallback screenshotsOnFailure(Supplier<Browser> browser) {
        return context -> {
            if (context.getExecutionException().isPresent() && browser.get() != null) {
                browser.get().screenshotOpenPages(context.getRequiredTestMethod().getName());
            }
        };
    }

    /** A fresh person: their own cookies, a wide window, Spanish by default. */
    Page newPerson() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(WIDE, 900).setLocale("es-AR").setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        pages.add(page);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    /** Switches the person's pages to {@code lang} (the front keeps the language in a cookie). */
    static void language(Page page, String lang) {
        String origin = SharedSystem.get().gatewayUrl();
        page.context().addCookies(List.of(new Cookie("lang", lang).setUrl(origin + "/")));
    }

    /**
     * Checks the page as it is now at 1280 px and at 360 px: axe-core finds no serious or critical violation, nothing
     * scrolls sideways at 360 px, and a screenshot of each width goes to {@code <name>-<width>.png}.
     */
    void check(Page page, String name) {
        assertThat(page.locator("html").getAttribute("lang")).as("lang of %s", name).isIn("es", "en");
        for (int width : new int[] {WIDE, NARROW}) {
            page.setViewportSize(width, width == WIDE ? 900 : 780);
            assertNoSeriousViolations(page, name + " at " + width + " px");
            if (width == NARROW) {
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as("horizontal scroll of %s at 360 px (pixels wider than the window)", name)
                        .isLessThanOrEqualTo(0);
            }
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.PNG)
                    .setPath(screenshots.resolve(name + "-" + width + ".png")));
        }
        page.setViewportSize(WIDE, 900);
        checked.add(name);
    }

    /** axe-core 4, injected over the DevTools protocol (not as a page script, which the CSP rightly blocks). */
    private void assertNoSeriousViolations(Page page, String what) {
        page.evaluate(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }));
                }""");
        assertThat(violations).as("serious or critical accessibility violations on %s (%s)", what, page.url()).isEmpty();
    }

    /** Screenshot only, for a page that is not Acceso's (the realm's sign-in page). */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshots.resolve(name + ".png")));
    }

    /** After a failed step: a screenshot of every page still open, to see where each person was. */
    void screenshotOpenPages(String test) {
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            if (!page.isClosed()) {
                try {
                    screenshot(page, "failed-" + test + "-" + i);
                    System.out.println("Failed step " + test + ": page " + i + " was at " + page.url());
                } catch (RuntimeException e) {
                    System.out.println("No screenshot of page " + i + ": " + e.getMessage());
                }
            }
        }
    }

    List<String> policyViolations() {
        return policyViolations;
    }

    List<String> checkedPages() {
        return checked;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
