package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.acceso.systemtests.Mailbox.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request lifecycle through the gateway, with the real Keycloak's tokens: Ana files, Elena (coordinator) routes it to
 * OBRAS, Carla (clerk of OBRAS) asks for a clarification, Ana replies, Carla extends the deadline, attaches a PDF and
 * answers PARTIALLY_GRANTED citing a ground, Ana downloads the PDF byte for byte and appeals, Elena upholds the appeal in
 * part and Ana receives the decision by e-mail. Diego, a clerk of SALUD, gets 404 for the request at every step.
 */
@ExtendWith(SharedSystem.class)
class RequestLifecycleIT {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            + "% contratos de bacheo 2025, nombres de empleados testados\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void clerksAnswerCoordinatorsRouteAndResidentsFollowThrough() throws Exception {
        JsonPath filed = created(as("ana").body(Map.of("subject", "Contratos de bacheo 2025",
                "description", "Copia de los contratos de bacheo firmados en 2025 y sus certificados de obra."))
                .post("/api/requests"));
        String id = filed.getString("id");
        assertThat(filed.getString("status")).isEqualTo("RECEIVED");
        diegoCannotSee(id);

        JsonPath routed = ok(as("elena").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/{id}/assignment", id));
        assertThat(routed.getString("status")).isEqualTo("ASSIGNED");
        assertThat(routed.getString("agencyCode")).isEqualTo("OBRAS");
        diegoCannotSee(id);

        JsonPath asked = ok(as("carla").body(Map.of("question", "¿De qué barrios son las obras que le interesan?"))
                .post("/api/requests/{id}/clarification", id));
        assertThat(asked.getString("status")).isEqualTo("AWAITING_CLARIFICATION");
        assertThat(ok(as("ana").get("/api/requests/{id}", id)).getString("pendingQuestion"))
                .isEqualTo("¿De qué barrios son las obras que le interesan?");
        assertThat(ok(as("ana").get("/api/requests/{id}", id)).getList("allowedMoves", String.class))
                .containsExactly("provideClarification", "withdraw");
        diegoCannotSee(id);

        JsonPath replied = ok(as("ana").body(Map.of("text", "De todos los barrios del distrito Oeste."))
                .post("/api/requests/{id}/clarification/reply", id));
        assertThat(replied.getString("status")).isEqualTo("ASSIGNED");
        diegoCannotSee(id);

        JsonPath extended = ok(as("carla").body(Map.of("reason", "Los certificados están en tres direcciones distintas."))
                .post("/api/requests/{id}/extension", id));
        assertThat(extended.getString("status")).isEqualTo("EXTENDED");
        assertThat(extended.getInt("extensions")).isEqualTo(1);
        assertProblem(as("carla").body(Map.of("reason", "Otra vez.")).post("/api/requests/{id}/extension", id), 409);
        diegoCannotSee(id);

        Response uploaded = as("carla").contentType("multipart/form-data")
                .multiPart("file", "contratos-bacheo-2025.pdf", PDF, "application/pdf")
                .post("/api/requests/{id}/documents", id);
        assertThat(uploaded.statusCode()).as("upload: %s", uploaded.asString()).isEqualTo(201);
        String documentId = uploaded.jsonPath().getString("id");
        assertThat(uploaded.jsonPath().getString("mediaType")).isEqualTo("application/pdf");
        assertThat(uploaded.jsonPath().getString("sha256")).isEqualTo(sha256Hex(PDF));
        assertThat(uploaded.header("Location")).endsWith("/api/requests/" + id + "/documents/" + documentId);
        assertProblem(as("ana").get("/api/requests/{id}/documents/{doc}", id, documentId), 404); // not released yet

        JsonPath answered = ok(as("carla").body(Map.of("outcome", "PARTIALLY_GRANTED",
                        "text", "Se entregan los contratos; se testaron los datos personales de los empleados.",
                        "grounds", List.of("personal-data"), "documentIds", List.of(documentId)))
                .post("/api/requests/{id}/answer", id));
        assertThat(answered.getString("status")).isEqualTo("ANSWERED");
        assertThat(answered.getList("answer.grounds", String.class)).containsExactly("personal-data");
        diegoCannotSee(id);
        assertProblem(as("diego").get("/api/requests/{id}/documents/{doc}", id, documentId), 404);

        Response download = as("ana").accept("*/*").get("/api/requests/{id}/documents/{doc}", id, documentId);
        assertThat(download.statusCode()).as("download: %s", download.asString()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(PDF);
        assertThat(download.header("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF)) + ":");
        assertThat(ok(as("ana").get("/api/requests/{id}", id)).getList("allowedMoves", String.class)).containsExactly("appeal");

        JsonPath appealed = ok(as("ana").body(Map.of("reason", "Los nombres de funcionarios públicos no son datos protegidos."))
                .post("/api/requests/{id}/appeal", id));
        assertThat(appealed.getString("status")).isEqualTo("APPEALED");
        assertThat(appealed.getString("appeal.against")).isEqualTo("PARTIALLY_GRANTED");
        diegoCannotSee(id);

        JsonPath resolved = ok(as("elena").body(Map.of("decision", "PARTIALLY_UPHELD",
                        "text", "Los nombres de los funcionarios que firmaron los contratos deben entregarse."))
                .post("/api/requests/{id}/appeal/resolution", id));
        assertThat(resolved.getString("status")).isEqualTo("APPEAL_RESOLVED");
        diegoCannotSee(id);

        List<String> history = ok(as("fede").get("/api/requests/{id}/history", id)).getList("action", String.class);
        assertThat(history).containsExactly("file", "assign", "requestClarification", "provideClarification", "extend",
                "answer", "appeal", "resolveAppeal");

        String trackingNumber = filed.getString("trackingNumber");
        List<Mail> decision = awaitOrFail("ana's e-mail of the appeal's decision on " + trackingNumber, Duration.ofSeconds(90),
                () -> SharedSystem.get().mailbox().to("ana@example.org", trackingNumber).stream()
                        .filter(mail -> mail.subject().startsWith("Decisión sobre su reclamo")).toList(),
                mails -> !mails.isEmpty());
        assertThat(decision).hasSize(1);
        assertThat(decision.get(0).subject()).isEqualTo("Decisión sobre su reclamo por la solicitud " + trackingNumber);
        assertThat(decision.get(0).text())
                .contains("se hizo lugar a su reclamo en parte")
                .contains("Los nombres de los funcionarios que firmaron los contratos deben entregarse.");
    }

    /** Diego, a clerk of another agency, finds nothing: not the request, its history, its documents, nor any move. */
    private static void diegoCannotSee(String id) {
        assertProblem(as("diego").get("/api/requests/{id}", id), 404);
        assertProblem(as("diego").get("/api/requests/{id}/history", id), 404);
        assertProblem(as("diego").get("/api/requests/{id}/documents", id), 404);
        assertProblem(as("diego").body(Map.of("question", "?")).post("/api/requests/{id}/clarification", id), 404);
        assertProblem(as("diego").body(Map.of("outcome", "GRANTED", "text", "Sí")).post("/api/requests/{id}/answer", id), 404);
        assertThat(ok(as("diego").get("/api/requests?size=100")).getList("items.id", String.class)).doesNotContain(id);
    }

    private static JsonPath created(Response response) {
        assertThat(response.statusCode()).as("%s", response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
