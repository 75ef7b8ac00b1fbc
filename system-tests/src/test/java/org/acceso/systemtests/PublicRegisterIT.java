package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.PublicationWithdrawn;
import org.acceso.contracts.RequestPublished;
import org.acceso.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.acceso.systemtests.Gateway.anonymous;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public register through the real gateway, read by a visitor who never signs in. A {@code RequestPublished} is
 * produced onto the real broker's {@code publication-events}, as request-service's publication workflow will publish
 * it; register-service shows it in the list, its search, its page, "similar" and the open-data export, and forgets it
 * everywhere within seconds of a {@code PublicationWithdrawn}. The public statistics are deadline-service's figures,
 * fetched by register-service with a client-credentials token of the realm client {@code acceso-register} from the
 * real Keycloak (every 2 s here): a request Ana files for OBRAS shows up in them.
 */
@ExtendWith(SharedSystem.class)
class PublicRegisterIT {

    @Test
    void aVisitorReadsWhatWasPublishedAndNothingOnceItIsWithdrawn() {
        UUID requestId = UUID.randomUUID();
        String tracking = "AIP-2026-9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        produce(requestId, new RequestPublished(tracking, "AMBIENTE", "Secretaría de Ambiente y Espacio Público",
                "Arbolado del barrio Arroyito", "Solicito el censo del arbolado público del barrio Arroyito.",
                "Se adjunta el censo; se testaron los datos de [dato personal].", "PARTIALLY_GRANTED",
                List.of(new RequestPublished.Ground("personal-data", "art. 8 inc. i)",
                        "Datos personales que no puedan ser disociados", "Personal data that cannot be dissociated")),
                publishedAt.minus(20, ChronoUnit.DAYS), publishedAt.minus(1, ChronoUnit.DAYS),
                LocalDate.now().plusDays(3), true, false, List.of(), null, publishedAt));

        // waits poll as fede (a token: the gateway counts him on his own), the reads below are anonymous (60 a minute
        // per address for every anonymous call of the run)
        awaitOrFail("the publication in the register", Duration.ofSeconds(60),
                () -> as("fede").get("/api/public/requests/{tracking}", tracking), r -> r.statusCode() == 200);
        JsonPath page = ok(anonymous().get("/api/public/requests/{tracking}", tracking));
        assertThat(page.getString("question")).isEqualTo("Solicito el censo del arbolado público del barrio Arroyito.");
        assertThat(page.getString("outcome")).isEqualTo("PARTIALLY_GRANTED");
        assertThat(page.getString("grounds[0].name")).isEqualTo("Datos personales que no puedan ser disociados");
        assertThat(page.getBoolean("onTime")).isTrue();
        assertThat(ok(anonymous().get("/api/public/requests?q=arbolado arroyito")).getList("items.trackingNumber"))
                .contains(tracking);
        assertThat(ok(anonymous().get("/api/public/similar?text=censo de árboles en Arroyito"))
                .getList("items.trackingNumber")).contains(tracking);
        Response csv = anonymous().accept("text/csv").get("/api/public/open-data/requests.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.asString()).contains(tracking + ",AMBIENTE,");
        assertThat(csv.header("ETag")).isNotBlank();
        assertThat(anonymous().accept("text/csv").header("If-None-Match", csv.header("ETag"))
                .get("/api/public/open-data/requests.csv").statusCode()).isEqualTo(304);
        assertThat(ok(anonymous().get("/api/public/open-data/schema")).getString("licence.name")).isEqualTo("CC BY 4.0");
        assertProblem(anonymous().get("/api/public/requests?size=10000"), 400);

        long sent = System.nanoTime();
        produce(requestId, new PublicationWithdrawn(tracking, Instant.now()));
        awaitOrFail("the withdrawal", Duration.ofSeconds(30),
                () -> as("fede").get("/api/public/requests/{tracking}", tracking), r -> r.statusCode() == 404);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
        assertProblem(anonymous().get("/api/public/requests/{tracking}", tracking), 404);
        assertThat(ok(anonymous().get("/api/public/requests?q=arbolado arroyito")).getList("items.trackingNumber"))
                .doesNotContain(tracking);
        assertThat(anonymous().accept("text/csv").get("/api/public/open-data/requests.csv").asString()).doesNotContain(tracking);
    }

    @Test
    void thePublicStatisticsAreDeadlineServicesFiguresFetchedWithTheRegistersOwnToken() {
        Response filed = as("ana").body(Map.of("subject", "Horarios de poda", "description", "El cronograma de poda.",
                "agencyCode", "OBRAS")).post("/api/requests");
        assertThat(filed.statusCode()).as("%s", filed.asString()).isEqualTo(201);

        awaitOrFail("OBRAS in the public statistics", Duration.ofSeconds(90),
                () -> ok(as("fede").get("/api/public/open-data/statistics.json")),
                rows -> rows.getList("findAll { it.agency_code == 'OBRAS' && it.received > 0 }").size() > 0);
        JsonPath statistics = ok(anonymous().get("/api/public/open-data/statistics.json"));
        Map<String, Object> row = statistics.getMap("find { it.agency_code == 'OBRAS' && it.received > 0 }");
        assertThat((String) row.get("month")).matches("\\d{4}-\\d{2}");
        assertThat(row).containsKeys("answered", "answered_within_initial_deadline", "answered_within_extended_deadline",
                "answered_late", "deemed_denials", "business_days_to_answer_median", "denials_by_ground");
        assertThat(anonymous().accept("text/csv").get("/api/public/open-data/statistics.csv").asString())
                .startsWith("month,agency_code,agency_name,received,answered,");
    }

    /** Produces one event onto the real broker, keyed by request id, as request-service's outbox relay does. */
    private static void produce(UUID requestId, PublicationEvent event) {
        String bootstrap = SharedSystem.get().stack().layout().kafkaBootstrap();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PUBLICATION_EVENTS, requestId.toString(), EventCodec.write(
                    EventCodec.envelope(UUID.randomUUID(), requestId, Instant.now(), event)))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not produce onto " + Topics.PUBLICATION_EVENTS + " at " + bootstrap, e);
        }
    }
}
