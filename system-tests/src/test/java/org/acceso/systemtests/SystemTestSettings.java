package org.acceso.systemtests;

import java.nio.file.Path;

/**
 * Where things are, read from the system properties that failsafe sets (see this module's pom.xml). The
 * defaults let the test run from an IDE with the module folder as working directory.
 */
record SystemTestSettings(
        Path projectDir,
        Path logsDir,
        Path workDir,
        Path keycloakZip,
        Path keycloakHome,
        Path realmFile,
        Path chromium,
        Path axe,
        Path screenshotsDir) {

    static final String KEYCLOAK_VERSION = "26.7.3";

    static SystemTestSettings fromSystemProperties() {
        Path projectDir = path("system-tests.project-dir", Path.of("..").toString());
        Path userHome = Path.of(System.getProperty("user.home"));
        return new SystemTestSettings(
                projectDir,
                path("system-tests.logs-dir", "target/logs"),
                path("system-tests.work-dir", "target/work"),
                path("system-tests.keycloak.zip", userHome.resolve(".m2/repository/org/keycloak/keycloak-quarkus-dist/"
                        + KEYCLOAK_VERSION + "/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip").toString()),
                path("system-tests.keycloak.dir", userHome.resolve(".cache/acceso/system-tests/keycloak-"
                        + KEYCLOAK_VERSION).toString()),
                path("system-tests.keycloak.realm", projectDir.resolve("deploy/keycloak/acceso-realm.json").toString()),
                path("system-tests.chromium", userHome.resolve(".cache/acceso/browser/chromium-153.0.0/chromium").toString()),
                path("system-tests.axe", userHome.resolve(".cache/acceso/browser/axe-core-4.14.1/axe.min.js").toString()),
                path("system-tests.screenshots.dir", "target/screenshots"));
    }

    /** The runnable jar that {@code ./mvnw package} builds for a service module. */
    Path serviceJar(String module) {
        return projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static Path path(String property, String fallback) {
        String value = System.getProperty(property);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
