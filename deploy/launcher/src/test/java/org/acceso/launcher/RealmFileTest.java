package org.acceso.launcher;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm every stack imports (deploy/keycloak/acceso-realm.json) lets residents sign themselves up, and keeps staff
 * out of the resident role. What Keycloak then does with it is the system tests' (SignUpJourneyIT, SecurityIT).
 */
class RealmFileTest {

    private static final Path PROJECT = Path.of(System.getProperty("acceso.project-dir", "../..")).toAbsolutePath().normalize();
    private static final List<String> STAFF = List.of("clerk", "coordinator", "auditor", "admin");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realm() throws IOException {
        return new Yaml().load(Files.readString(PROJECT.resolve("deploy/keycloak/acceso-realm.json"))); // JSON is YAML
    }

    @Test
    void shouldLetResidentsSignUpConfirmTheirAddressAndResetTheirPassword() throws IOException {
        Map<String, Object> realm = realm();
        assertThat(realm).containsEntry("registrationAllowed", true).containsEntry("verifyEmail", true)
                .containsEntry("resetPasswordAllowed", true).containsEntry("registrationEmailAsUsername", true)
                .containsEntry("bruteForceProtected", true).containsEntry("permanentLockout", false)
                .containsEntry("internationalizationEnabled", true).containsEntry("defaultLocale", "es")
                .containsEntry("loginTheme", "acceso").containsEntry("emailTheme", "acceso");
        assertThat((List<String>) realm.get("supportedLocales")).containsExactly("es", "en");
        assertThat(Files.isDirectory(PROJECT.resolve("deploy/keycloak/themes/acceso/login"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMakeEveryNewAccountAResidentButNoDemoStaffMember() throws IOException {
        Map<String, Object> realm = realm();
        assertThat((Map<String, Object>) realm.get("defaultRole")).containsEntry("name", "default-roles-acceso");
        Map<String, Object> defaults = ((List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles")).get("realm"))
                .stream().filter(role -> "default-roles-acceso".equals(role.get("name"))).findFirst().orElseThrow();
        List<String> composites = (List<String>) ((Map<String, Object>) defaults.get("composites")).get("realm");
        assertThat(composites).contains("resident").doesNotContainAnyElementsOf(STAFF);

        for (Map<String, Object> user : (List<Map<String, Object>>) realm.get("users")) {
            List<String> roles = (List<String>) user.getOrDefault("realmRoles", List.of());
            if (user.containsKey("serviceAccountClientId")) {
                // a client's service account (the staff directory's reader) is nobody: no resident, no staff role
                assertThat(roles).as("realm roles of %s", user.get("username"))
                        .doesNotContain("resident", "default-roles-acceso").doesNotContainAnyElementsOf(STAFF);
                continue;
            }
            if (roles.stream().anyMatch(STAFF::contains)) {
                assertThat(roles).as("realm roles of %s", user.get("username"))
                        .doesNotContain("resident", "default-roles-acceso");
            } else {
                assertThat(roles).as("realm roles of %s", user.get("username")).contains("resident");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAskForFirstNameLastNameAndEmailAndKeepTheAgencyToAdministrators() throws IOException {
        Map<String, Object> provider = ((List<Map<String, Object>>) ((Map<String, Object>) realm().get("components"))
                .get("org.keycloak.userprofile.UserProfileProvider")).get(0);
        String config = ((List<String>) ((Map<String, Object>) provider.get("config")).get("kc.user.profile.config")).get(0);
        Map<String, Map<String, Object>> attributes = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) ((Map<String, Object>) new Yaml().load(config)).get("attributes"))
                .forEach(attribute -> attributes.put((String) attribute.get("name"), attribute));
        for (String asked : List.of("email", "firstName", "lastName")) {
            assertThat((Map<String, Object>) attributes.get(asked).get("required")).as("%s is required", asked)
                    .containsEntry("roles", List.of("user"));
        }
        assertThat((Map<String, Object>) attributes.get("agency").get("permissions"))
                .containsEntry("view", List.of("admin")).containsEntry("edit", List.of("admin"));
    }
}
