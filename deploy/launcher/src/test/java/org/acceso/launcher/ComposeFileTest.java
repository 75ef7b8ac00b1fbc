package org.acceso.launcher;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml starts the services with exactly the launcher's environment ({@link Environment}, with the
 * compose network's hosts), publishes the contract's ports and creates the launcher's databases: it fails when the
 * two drift.
 */
class ComposeFileTest {

    private static final Path PROJECT = Path.of(System.getProperty("acceso.project-dir", "../..")).toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(PROJECT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environmentOf(Map<String, Object> composeService) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) composeService.get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    @Test
    void shouldStartEveryServiceWithTheLaunchersEnvironment() throws IOException {
        Map<String, Object> services = composeServices();
        for (Service service : Service.values()) {
            assertThat(services).as("docker-compose.yml services").containsKey(service.id());
            @SuppressWarnings("unchecked")
            Map<String, String> env = environmentOf((Map<String, Object>) services.get(service.id()));
            String javaOptions = env.remove("JAVA_OPTS");
            assertThat(env).as("environment of %s in docker-compose.yml", service.id())
                    .containsExactlyInAnyOrderEntriesOf(Environment.of(service, new ComposeAddresses()));
            assertThat(javaOptions).as("JAVA_OPTS of %s", service.id())
                    .startsWith(String.join(" ", Environment.SERVICE_JVM_OPTIONS));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveKeycloakTheRealmsSmtpServerAndItsTheme() throws IOException {
        Map<String, Object> keycloak = (Map<String, Object>) composeServices().get("keycloak");
        assertThat(environmentOf(keycloak)).as("environment of keycloak in docker-compose.yml")
                .containsAllEntriesOf(Environment.keycloak(new ComposeAddresses()));
        assertThat((List<String>) keycloak.get("volumes")).as("volumes of keycloak")
                .contains("./deploy/keycloak/acceso-realm.json:/opt/keycloak/data/import/acceso-realm.json:ro",
                        "./deploy/keycloak/themes/acceso:/opt/keycloak/themes/acceso:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPublishEachServiceOnItsContractPort() throws IOException {
        Map<String, Object> services = composeServices();
        Layout contract = Layout.fixed();
        for (Service service : Service.values()) {
            int port = contract.httpPort(service);
            assertThat((List<String>) ((Map<String, Object>) services.get(service.id())).get("ports"))
                    .as("ports of %s", service.id())
                    .containsExactly(Layout.HOST + ":" + port + ":" + port);
        }
        assertThat((List<String>) ((Map<String, Object>) services.get("postgres")).get("ports"))
                .containsExactly(Layout.HOST + ":" + contract.port(Layout.POSTGRES) + ":5432");
        assertThat((List<String>) ((Map<String, Object>) services.get("keycloak")).get("ports"))
                .containsExactly(Layout.HOST + ":" + contract.port(Layout.KEYCLOAK) + ":8180");
    }

    @Test
    void shouldCreateTheLaunchersDatabasesAndOwners() throws IOException {
        List<String> statements = Arrays.stream(Files.readString(PROJECT.resolve("deploy/compose/init-databases.sql")).split("\n"))
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .toList();
        assertThat(statements).containsExactlyElementsOf(Environment.databaseStatements());
    }
}
