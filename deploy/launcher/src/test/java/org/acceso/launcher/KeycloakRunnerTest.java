package org.acceso.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRunnerTest {

    private static final Path PROJECT = Path.of(System.getProperty("acceso.project-dir", "../..")).toAbsolutePath().normalize();

    @Test
    void shouldSendTheWebFrontsSignInBackToTheGatewayOfASystemOnFreePorts() throws IOException {
        Path realm = PROJECT.resolve("deploy/keycloak/acceso-realm.json");
        Layout free = Layout.free();
        String imported = KeycloakRunner.realmFor(realm, free);
        assertThat(imported)
                .contains("\"rootUrl\": \"" + free.gatewayUrl() + "\"")
                .contains("\"" + free.gatewayUrl() + "/*\"")
                .doesNotContain("http://127.0.0.1:8080");
    }

    @Test
    void shouldReadTheRealmsSmtpServerFromTheEnvironmentKeycloakIsStartedWith(@TempDir Path dir) throws IOException {
        String realm = Files.readString(PROJECT.resolve("deploy/keycloak/acceso-realm.json"));
        for (String variable : Environment.keycloak(Layout.fixed()).keySet()) {
            assertThat(realm).as("the realm's placeholder for %s", variable).contains("${" + variable + ":");
        }
        StackSpec spec = StackSpec.throwAway(PROJECT, dir.resolve("data"), dir.resolve("logs"), dir.resolve("dist"));
        Launch launch = new KeycloakRunner(spec).launch();
        assertThat(launch.environment())
                .containsEntry("ACCESO_SMTP_HOST", "127.0.0.1")
                .containsEntry("ACCESO_SMTP_PORT", String.valueOf(spec.layout().port(Layout.SMTP)))
                .containsEntry("ACCESO_SMTP_FROM", Environment.MAIL_FROM_ADDRESS);
    }

    @Test
    void shouldInstallTheRealmsThemeAndReplaceAnEarlierCopy(@TempDir Path dir) throws IOException {
        Path installed = dir.resolve("keycloak/themes");
        Path stale = Files.createDirectories(installed.resolve("acceso/login")).resolve("old.ftl");
        Files.writeString(stale, "from an earlier run");

        KeycloakRunner.installThemes(PROJECT.resolve("deploy/keycloak/themes"), installed);

        assertThat(stale).doesNotExist();
        assertThat(installed.resolve("acceso/login/theme.properties")).content().contains("parent=keycloak.v2");
        assertThat(installed.resolve("acceso/login/messages/messages_es.properties")).content()
                .contains("doRegister=Crear cuenta");
        assertThat(installed.resolve("acceso/email/messages/messages_en.properties")).isRegularFile();
        assertThat(Files.readString(PROJECT.resolve("deploy/keycloak/acceso-realm.json")))
                .contains("\"loginTheme\": \"acceso\"", "\"emailTheme\": \"acceso\"");
    }

    @Test
    void shouldImportTheRealmUnchangedOnTheContractsPorts(@TempDir Path dir) throws IOException {
        Path realm = Files.writeString(dir.resolve("realm.json"),
                "{\"rootUrl\": \"http://127.0.0.1:8080\", \"redirectUris\": [\"http://127.0.0.1:8080/*\", \"http://localhost:8080/*\"]}");
        assertThat(KeycloakRunner.realmFor(realm, Layout.fixed())).isEqualTo(Files.readString(realm));
    }
}
