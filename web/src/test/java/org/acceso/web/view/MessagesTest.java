package org.acceso.web.view;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The front speaks both languages everywhere: every word a template or a page names exists in Spanish and English. */
class MessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern STATIC_KEY = Pattern.compile("\\{msg:([a-zA-Z0-9_]+)[}\\s]|[=?:] *msg:([a-zA-Z0-9_]+)");
    static final Pattern DYNAMIC_KEY = Pattern.compile("msg:message\\('([a-zA-Z_]+)', ");
    /** A sentence of the law, filled from the policy ({@code {law.say('home_fact_days')}}). */
    static final Pattern LAW_KEY = Pattern.compile("[lL]aw\\.say\\('([a-zA-Z0-9_]+)'\\)");

    /** The values each dynamic family of keys ({@code status_<STATUS>}, ...) must cover: what the API can say. */
    static final List<List<String>> FAMILIES = List.of(
            List.of("status_", "RECEIVED", "ASSIGNED", "AWAITING_CLARIFICATION", "REFERRED", "EXTENDED", "ANSWERED",
                    "WITHDRAWN", "DEEMED_DENIED", "APPEALED", "APPEAL_RESOLVED", "REFERRED_EXTERNALLY"),
            List.of("outcome_", "GRANTED", "PARTIALLY_GRANTED", "DENIED", "NOT_HELD"),
            List.of("decision_", "UPHELD", "PARTIALLY_UPHELD", "DISMISSED"),
            List.of("appeal_against_", "DENIED", "PARTIALLY_GRANTED", "DEEMED_DENIED"),
            List.of("cause_", "FILED", "EXTENSION", "CLARIFICATION_REQUESTED", "CLARIFICATION_PROVIDED", "REFERRAL",
                    "CALENDAR_CHANGE", "ANSWERED", "WITHDRAWN", "APPEAL_FILED", "DENIED", "PARTIALLY_GRANTED", "DEEMED_DENIED"),
            List.of("clock_", "RUNNING", "PAUSED", "STOPPED"),
            List.of("channel_", "WEB", "IN_PERSON", "POST", "EMAIL", "PHONE"),
            List.of("action_", "file", "register", "import", "assign", "requestClarification", "provideClarification", "refer",
                    "referOut", "extend", "answer", "withdraw", "deemDenied", "appeal", "resolveAppeal"),
            List.of("role_", "resident", "clerk", "coordinator", "auditor", "admin", "system"),
            List.of("done_", "assign", "clarify", "reply", "refer", "extend", "answer", "withdraw", "appeal", "resolve"),
            List.of("kind_", "HOLIDAY", "NON_WORKING_DAY", "ADMINISTRATIVE_CLOSURE", "DEADLINE_SUSPENSION", "WORKING_DAY"),
            List.of("sort_", "dueAt", "desc_dueAt", "filedAt", "desc_filedAt"),
            List.of("error_title_", "400", "401", "403", "404", "409", "429", "503"),
            List.of("error_text_", "400", "401", "403", "404", "409", "429", "503"));

    @Test
    void shouldDefineEveryMessageInBothLanguages() throws IOException {
        Properties spanish = load("messages/msg.properties");
        Properties english = load("messages/msg_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(spanish.stringPropertyNames()));
        assertThat(spanish.stringPropertyNames()).allSatisfy(key -> {
            assertThat(spanish.getProperty(key)).as("Spanish %s", key).isNotBlank();
            assertThat(english.getProperty(key)).as("English %s", key).isNotBlank();
        });
    }

    @Test
    void shouldDefineEveryKeyTheTemplatesName() throws IOException {
        Properties spanish = load("messages/msg.properties");
        Set<String> used = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                String template = Files.readString(file);
                Matcher keys = STATIC_KEY.matcher(template);
                while (keys.find()) {
                    used.add(keys.group(1) != null ? keys.group(1) : keys.group(2));
                }
                Matcher law = LAW_KEY.matcher(template);
                while (law.find()) {
                    used.add(law.group(1));
                }
                Matcher dynamic = DYNAMIC_KEY.matcher(template);
                while (dynamic.find()) {
                    families.add(dynamic.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100).allSatisfy(key -> assertThat(spanish).as("key %s", key).containsKey(key));
        assertThat(families).allSatisfy(prefix -> assertThat(FAMILIES).as("values of %s*", prefix)
                .anySatisfy(family -> assertThat(family.get(0)).isEqualTo(prefix)));
        for (List<String> family : FAMILIES) {
            for (String value : family.subList(1, family.size())) {
                assertThat(spanish).as("key %s%s", family.get(0), value).containsKey(family.get(0) + value);
            }
        }
    }

    /** The facts of the law are the policy's: no sentence of either language states a day count of its own. */
    @Test
    void shouldKeepNoDayCountInTheMessages() throws IOException {
        for (String resource : List.of("messages/msg.properties", "messages/msg_en.properties")) {
            Properties messages = load(resource);
            assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(messages.getProperty(key))
                    .as("%s %s", resource, key)
                    .doesNotContainPattern("\\d+\\s*(días|día|business|working|calendar|meses|mes|months?)\\b")
                    .doesNotContain("27.275", "27,275"));
        }
    }

    @Test
    void shouldGiveJavaCodeTheWordsOfThePageLanguage() {
        assertThat(Texts.get("es", "error_subject_required")).isEqualTo("Escribí el tema de tu solicitud.");
        assertThat(Texts.get("en", "error_subject_required")).isEqualTo("Enter the subject of your request.");
        assertThat(Texts.get("fr", "nav_home")).isEqualTo("Inicio");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
