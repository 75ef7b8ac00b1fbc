package org.acceso.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/runtime-contract.md names every variable and port the launcher uses; the root pom pins the same servers. */
class DocumentationTest {

    private static final Path PROJECT = Path.of(System.getProperty("acceso.project-dir", "../..")).toAbsolutePath().normalize();

    @Test
    void shouldNameEveryVariableAndPortInTheRuntimeContract() throws IOException {
        String contract = Files.readString(PROJECT.resolve("docs/runtime-contract.md"));
        for (Service service : Service.values()) {
            for (String variable : Environment.of(service, Layout.fixed()).keySet()) {
                assertThat(contract).as("docs/runtime-contract.md names %s (set for %s)", variable, service.id())
                        .contains(variable);
            }
        }
        for (String variable : Environment.keycloak(Layout.fixed()).keySet()) {
            assertThat(contract).as("docs/runtime-contract.md names %s (set for keycloak)", variable).contains(variable);
        }
        Layout contractPorts = Layout.fixed();
        for (Component component : Component.all()) {
            for (int port : contractPorts.portsOf(component)) {
                assertThat(contract).as("docs/runtime-contract.md names port %d of %s", port, component.id())
                        .contains(String.valueOf(port));
            }
        }
    }

    @Test
    void shouldRunTheServersWhoseVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        assertThat(property(pom, "keycloak.version")).isEqualTo(Distributions.KEYCLOAK_VERSION);
        assertThat(property(pom, "greenmail.version")).isEqualTo(Distributions.GREENMAIL_VERSION);
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1).trim();
    }
}
