package org.acceso.systemtests;

import java.nio.file.Path;

/**
 * Where things are and which system to use, read from the system properties that failsafe sets (see this module's
 * pom.xml). The defaults let the tests run from an IDE with the module folder as working directory.
 *
 * @param attach true ({@code -Dsystem-tests.stack=running}): run against the stack {@code deploy/acceso up} started
 *               (what {@code deploy/acceso smoke} does); false: start a throw-away system on free ports
 * @param chromium       the headless Chromium of the browser journeys (unpacked by the build)
 * @param axe            axe-core's script, run in every page the browser journeys check
 * @param screenshotsDir where the browser journeys save a screenshot of every page
 */
record SystemTestSettings(Path projectDir, Path logsDir, Path workDir, Path distDir, boolean attach,
                          Path chromium, Path axe, Path screenshotsDir) {

    static SystemTestSettings fromSystemProperties() {
        Path userHome = Path.of(System.getProperty("user.home"));
        return new SystemTestSettings(
                path("system-tests.project-dir", ".."),
                path("system-tests.logs-dir", "target/logs"),
                path("system-tests.work-dir", "target/work"),
                path("system-tests.dist-dir", userHome.resolve(".cache/acceso/system-tests").toString()),
                "running".equals(System.getProperty("system-tests.stack")),
                path("system-tests.chromium", userHome.resolve(".cache/acceso/browser/chromium-153.0.0/chromium").toString()),
                path("system-tests.axe", userHome.resolve(".cache/acceso/browser/axe-core-4.14.1/axe.min.js").toString()),
                path("system-tests.screenshots.dir", "target/screenshots"));
    }

    private static Path path(String property, String fallback) {
        String value = System.getProperty(property);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
