package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal clock on its own: a request imported from an earlier register, filed 30 business days ago and never
 * answered, is noticed by deadline-service's sweep, deemed denied by request-service, and gets an appeal-window clock
 * that its clock's page shows.
 */
@ExtendWith(SharedSystem.class)
class LegalClockIT {

    @Test
    void anImportedRequestPastItsDeadlineIsDeemedDeniedOnItsOwnAndGetsAnAppealWindow() {
        Instant filedAt = Instant.now().minus(45, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS); // at least 30 business days ago, holidays included
        String line = "{\"subject\":\"Licitaciones de alumbrado 2025\",\"description\":\"Pliegos y actas de apertura.\","
                + "\"agencyCode\":\"OBRAS\",\"filedAt\":\"" + filedAt + "\",\"status\":\"ASSIGNED\","
                + "\"requesterName\":\"Ana Pérez\",\"requesterEmail\":\"ana@example.org\",\"requesterUserId\":\"imported-ana\"}";
        Response imported = as("admin").contentType("application/x-ndjson").body((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/requests/import");
        assertThat(imported.statusCode()).as("import: %s", imported.asString()).isEqualTo(201);
        String id = imported.jsonPath().getString("requests[0].id");

        JsonPath denied = awaitOrFail("the imported request deemed denied by the clock's sweep", Duration.ofSeconds(90),
                () -> ok(as("fede").get("/api/requests/{id}", id)), view -> "DEEMED_DENIED".equals(view.getString("status")));
        assertThat(denied.getString("filedAt")).isEqualTo(filedAt.toString());
        assertThat(denied.getString("appealDueOn")).isNotNull();

        JsonPath clock = awaitOrFail("the appeal window on GET /api/deadlines/" + id, Duration.ofSeconds(60),
                () -> ok(as("fede").get("/api/deadlines/{id}", id)), view -> view.get("appeal") != null);
        assertThat(clock.getBoolean("imported")).isTrue();
        assertThat(clock.getString("missedAt")).isNotNull();
        assertThat(clock.getString("appeal.cause")).isEqualTo("DEEMED_DENIED");
        assertThat(clock.getString("appeal.status")).isEqualTo("RUNNING");
        assertThat(clock.getString("appeal.dueOn")).isEqualTo(denied.getString("appealDueOn"));
        List<String> clocks = clock.getList("history.clock", String.class);
        assertThat(clocks).contains("RESPONSE", "APPEAL");
        assertThat(ok(as("ana").get("/api/requests/mine")).getList("id", String.class)).doesNotContain(id);
    }
}
