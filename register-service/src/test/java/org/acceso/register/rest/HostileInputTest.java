package org.acceso.register.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every public endpoint: huge and control-character texts, SQL, tsquery and regex metacharacters,
 * negative, huge and absurd paging, unknown and malformed tracking numbers and document ids, path tricks. Each is a
 * 4xx {@code application/problem+json} without a stack trace or class name, or, where the input is merely text
 * someone may search for (metacharacters in {@code q} and {@code text}), an ordinary 200 that treats it as inert
 * text. Never a 5xx, and the register is the same afterwards. Paths are sent raw (no further URL encoding).
 */
@QuarkusTest
class HostileInputTest {

    static final String KNOWN = "AIP-2026-" + String.format("%06d", 999_001);

    @Inject
    DataSource db;

    @BeforeEach
    void oneKnownRequest() {
        if (given().get("/public/requests/" + KNOWN).statusCode() != 200) {
            Publish.send(UUID.randomUUID(), Publish.answered(KNOWN, "HOSTIL", "Contratos de limpieza",
                    "Solicito los contratos de limpieza de edificios municipales.", "Se adjuntan.", "GRANTED"));
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> given().get("/public/requests/" + KNOWN).statusCode() == 200);
        }
    }

    /** Refused: a 4xx problem+json. */
    static Stream<String> refused() {
        return Stream.of(
                // q: too long, control characters
                "/public/requests?q=" + "x".repeat(201),
                "/public/requests?q=contratos%00limpieza",
                "/public/requests?q=%1B%5B2J",
                // paging
                "/public/requests?page=-1",
                "/public/requests?page=abc",
                "/public/requests?page=1e3",
                "/public/requests?page=99999999999999999999",
                "/public/requests?page=2147483647",
                "/public/requests?page=101&size=100",
                "/public/requests?size=10000",
                "/public/requests?size=0",
                "/public/requests?size=-5",
                "/public/requests?size=%27%3B%20DROP%20TABLE%20publication%3B--",
                // filters
                "/public/requests?outcome=GRANTED%27%20OR%20%271%27%3D%271",
                "/public/requests?outcome=granted",
                "/public/requests?agency=OBRAS%27%3B%20DROP%20TABLE%20publication%3B--",
                "/public/requests?agency=" + "A".repeat(65),
                "/public/requests?from=2026-13-45",
                "/public/requests?from=yesterday",
                "/public/requests?from=2026-06-01&to=2026-01-01",
                "/public/requests?to=%00",
                // unknown and malformed tracking numbers, documents, path tricks
                "/public/requests/AIP-2026-999999",
                "/public/requests/AIP-2026-000000%27%20OR%20%271%27%3D%271",
                "/public/requests/%27%3B%20DROP%20TABLE%20publication%3B--",
                "/public/requests/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/public/requests/..%2F..%2Fetc%2Fpasswd",
                "/public/requests/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/public/requests/%252e%252e%252fetc%252fpasswd",
                "/public/requests/%00",
                "/public/requests/%C0%AE%C0%AE%2F",
                "/public/requests/" + "9".repeat(1000),
                "/public/requests/{known}/documents/not-a-uuid",
                "/public/requests/{known}/documents/00000000-0000-0000-0000-000000000000",
                "/public/requests/{known}/documents/..%2F..%2Fetc%2Fpasswd",
                "/public/requests/{known}/documents/%00",
                "/public/requests/{known}/documents/" + UUID.randomUUID(),
                "/public/requests/AIP-2026-999999/documents/9a1e5c3b-0d7f-4e2a-8b6c-5f4d3e2a1b0c",
                "/public/requests/{known}/history",
                // similar: missing, too long, control characters
                "/public/similar",
                "/public/similar?text=",
                "/public/similar?text=%20%20%20",
                "/public/similar?text=" + "y".repeat(2001),
                "/public/similar?text=alumbrado%00p%C3%BAblico",
                // open data: nothing else is there
                "/public/open-data/requests.xml",
                "/public/open-data/..%2F..%2Fq%2Fhealth",
                "/public/open-data/%2e%2e/statistics.csv");
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldRefuseWithAProblemAndChangeNothing(String raw) {
        String path = raw.replace("{known}", KNOWN);
        long before = Db.count(db, "SELECT count(*) FROM publication");
        Response response = given().urlEncodingEnabled(false).get(path);
        assertThat(response.statusCode()).as("%s answered %s", path, response.asString()).isBetween(400, 499);
        assertThat(response.contentType()).as("%s", path).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(response.statusCode());
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
        assertThat(Db.count(db, "SELECT count(*) FROM publication")).isEqualTo(before);
        given().get("/public/requests/" + KNOWN).then().statusCode(200);
    }

    /**
     * A request line longer than the HTTP server reads (4 KiB, Vert.x's default, the gateway's too) never reaches the
     * register's code: the server itself answers 414 and closes the connection, without a body (it is not a
     * problem+json; the register's own limits, above, answer a q of 201 characters with one).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/public/requests?q=", "/public/similar?text="})
    void shouldRefuseARequestLineLongerThanTheServerReadsWith414(String raw) {
        long before = Db.count(db, "SELECT count(*) FROM publication");
        Response response = given().urlEncodingEnabled(false).get(raw + "contratos%20".repeat(1_000));
        assertThat(response.statusCode()).as("answered %s", response.asString()).isEqualTo(414);
        assertThat(response.asString()).isEmpty();
        assertThat(Db.count(db, "SELECT count(*) FROM publication")).isEqualTo(before);
        given().get("/public/requests/" + KNOWN).then().statusCode(200);
    }

    /** Text someone may search for: answered as such, nothing happens to the register. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/public/requests?q=%27%20OR%20%271%27%3D%271%27%3B%20DROP%20TABLE%20publication%3B%20--",
            "/public/requests?q=contratos%20%26%20%7C%20!%20(%20)%20%3A*%20%3C-%3E%20%5C",
            "/public/requests?q=%22%22%22unterminated",
            "/public/requests?q=.*(a%7Cb)%2B%24%5B%5E",
            "/public/requests?q=-",
            "/public/requests?q=or",
            "/public/requests?q=%E2%80%AE%F0%9F%92%A9",
            "/public/requests?agency=HOSTIL&q=%E9%9D%9E%E5%B8%B8",
            "/public/similar?text=%27%3B%20DROP%20TABLE%20asked_lexeme%3B%20--",
            "/public/similar?text=.*(a%7Cb)%2B%24%5B%5E%5C%5C%27%27",
            "/public/similar?text=contratos%20%26%20!limpieza%20%3C-%3E%20%3A*",
            "/public/similar?text=%5C%27%5C%5C%27%27%27",
            "/public/similar?text=%F0%9F%A7%B9%20limpieza",
    })
    void shouldTreatMetacharactersAsInertText(String raw) {
        long before = Db.count(db, "SELECT count(*) FROM publication");
        long lexemes = Db.count(db, "SELECT count(*) FROM asked_lexeme");
        Response response = given().urlEncodingEnabled(false).get(raw);
        assertThat(response.statusCode()).as("%s answered %s", raw, response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getList("items")).isNotNull();
        assertThat(Db.count(db, "SELECT count(*) FROM publication")).isEqualTo(before);
        assertThat(Db.count(db, "SELECT count(*) FROM asked_lexeme")).isEqualTo(lexemes);
    }
}
