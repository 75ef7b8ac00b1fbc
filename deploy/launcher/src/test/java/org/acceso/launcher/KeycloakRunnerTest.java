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
    void shouldImportTheRealmUnchangedOnTheContractsPorts(@TempDir Path dir) throws IOException {
        Path realm = Files.writeString(dir.resolve("realm.json"),
                "{\"rootUrl\": \"http://127.0.0.1:8080\", \"redirectUris\": [\"http://127.0.0.1:8080/*\", \"http://localhost:8080/*\"]}");
        assertThat(KeycloakRunner.realmFor(realm, Layout.fixed())).isEqualTo(Files.readString(realm));
    }
}
