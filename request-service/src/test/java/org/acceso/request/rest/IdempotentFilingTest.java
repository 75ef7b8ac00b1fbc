package org.acceso.request.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.Role;
import org.acceso.request.service.FilingKeys;
import org.acceso.request.service.RequestService;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.KafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code Idempotency-Key} on filing: a repeat of the same filing by the same person files once and replays the first
 * answer; the same key with another body is refused; keys are per person and expire.
 */
@QuarkusTest
class IdempotentFilingTest {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    EntityManager em;

    @Inject
    RequestService requests;

    @Inject
    FilingKeys filingKeys;

    final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A filing whose subject no other test uses, so that its requests can be counted. */
    static Map<String, Object> filing(String subject) {
        return Map.of("subject", subject, "description", "Copia de los contratos de alumbrado 2025.", "agencyCode", "OBRAS");
    }

    static String unique(String what) {
        return what + " " + UUID.randomUUID();
    }

    static Response file(String token, String key, Object body) {
        return Fixture.as(token).header(KEY_HEADER, key).body(body).post("/requests");
    }

    @Test
    void shouldFileOnceAndReplayTheFirstAnswerForTheSameKey() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Alumbrado público");

        ExtractableResponse<Response> first = file(ANA, key, filing(subject)).then().statusCode(201)
                .header(REPLAYED, nullValue())
                .body("status", equalTo("RECEIVED"))
                .extract();
        String id = first.path("id");
        ExtractableResponse<Response> second = file(ANA, key, filing(subject)).then().statusCode(201)
                .contentType("application/json")
                .header(REPLAYED, "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(id))
                .body("trackingNumber", equalTo(first.path("trackingNumber")))
                .body("subject", equalTo(subject))
                .body("agencyCode", equalTo("OBRAS"))
                .body("status", equalTo("RECEIVED"))
                .body("contactEmail", equalTo("ana@example.org"))
                .extract();

        assertThat(second.header("Location")).endsWith("/requests/" + id);
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM request_history WHERE request_id = CAST(?1 AS uuid)", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND type = 'RequestFiled'", id)).isEqualTo(1);
        Object[] stored = keyRow("ana-sub", key);
        assertThat(stored[0].toString()).matches("[0-9a-f]{64}");
        assertThat(stored[1].toString()).isEqualTo(id);
        List<RequestFiled> published = requestFiledOnTheBroker(id);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).trackingNumber()).isEqualTo(first.<String>path("trackingNumber"));
        assertThat(published.get(0).subject()).isEqualTo(subject);
    }

    @Test
    void shouldReplayTheRequestAsItIsNow() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = filing(unique("Poda de árboles"));
        String id = file(ANA, key, body).then().statusCode(201).extract().path("id");
        Fixture.make(Move.ASSIGN, id).then().statusCode(200);

        file(ANA, key, body).then().statusCode(201)
                .header(REPLAYED, "true")
                .body("id", equalTo(id))
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void shouldTakeTheSameFilingInAnotherJsonLayoutAsARepeat() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Semáforos");
        String id = file(ANA, key, filing(subject)).then().statusCode(201).extract().path("id");

        file(ANA, key, "{ \"agencyCode\" : \"OBRAS\",\n \"description\": \"Copia de los contratos de alumbrado 2025.\", "
                + "\"subject\": \"" + subject + "\", \"language\": null }")
                .then().statusCode(201)
                .header(REPLAYED, "true")
                .body("id", equalTo(id));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Recolección de residuos");
        String other = unique("Recolección de residuos, otra");
        String id = file(ANA, key, filing(subject)).then().statusCode(201).extract().path("id");

        file(ANA, key, filing(other)).then().statusCode(422)
                .contentType("application/problem+json")
                .header(REPLAYED, nullValue())
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("title", equalTo("Idempotency key reused"))
                .body("status", equalTo(422))
                .body("detail", equalTo("This Idempotency-Key was already used for a different filing. Retry with the same "
                        + "body to get that filing's answer, or send a new key to file another request."))
                .body("instance", equalTo("/requests"));

        assertThat(requestsWithSubject(other)).isZero();
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
        assertThat(keyRow("ana-sub", key)[1].toString()).isEqualTo(id);
    }

    @Test
    void shouldTreatTheSameKeyFromAnotherResidentAsUnrelated() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Becas municipales");

        String anas = file(ANA, key, filing(subject)).then().statusCode(201).header(REPLAYED, nullValue())
                .body("contactEmail", equalTo("ana@example.org")).extract().path("id");
        String bens = file(BEN, key, filing(subject)).then().statusCode(201).header(REPLAYED, nullValue())
                .body("contactEmail", equalTo("ben@example.org")).extract().path("id");

        assertThat(bens).isNotEqualTo(anas);
        assertThat(requestsWithSubject(subject)).isEqualTo(2);
        assertThat(keyRow("ana-sub", key)[1].toString()).isEqualTo(anas);
        assertThat(keyRow("ben-sub", key)[1].toString()).isEqualTo(bens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "clé-ñ", "tab\tinside"})
    void shouldRefuseAKeyThatIsNotVisibleAscii(String key) {
        refusedKey(Fixture.as(ANA).header(KEY_HEADER, key), "must be 1 to 255 visible ASCII characters (a UUID, say)");
    }

    @Test
    void shouldRefuseAKeyOver255Characters() {
        refusedKey(Fixture.as(ANA).header(KEY_HEADER, "k".repeat(256)), "must be 1 to 255 visible ASCII characters (a UUID, say)");
    }

    @Test
    void shouldRefuseTwoKeys() {
        refusedKey(Fixture.as(ANA).header(KEY_HEADER, "first").header(KEY_HEADER, "second"), "must be sent once");
    }

    private void refusedKey(io.restassured.specification.RequestSpecification request, String message) {
        String subject = unique("Clave inválida");
        request.body(filing(subject)).post("/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(KEY_HEADER))
                .body("violations[0].message", equalTo(message));
        assertThat(requestsWithSubject(subject)).isZero();
    }

    @Test
    void shouldAcceptAKeyOf255VisibleCharacters() {
        String key = "!~" + "k".repeat(253);
        String subject = unique("Clave larga");
        String id = file(ANA, key, filing(subject)).then().statusCode(201).extract().path("id");
        file(ANA, key, filing(subject)).then().statusCode(201).header(REPLAYED, "true").body("id", equalTo(id));
    }

    @Test
    void shouldKeepNoKeyForAFilingThatWasRefused() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Agencia equivocada");
        file(ANA, key, Map.of("subject", subject, "description", "d", "agencyCode", "NO_SUCH_AGENCY")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("agencyCode"));

        file(ANA, key, filing(subject)).then().statusCode(201).header(REPLAYED, nullValue())
                .body("subject", equalTo(subject));
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void shouldFileOnceWhenEightAttemptsWithTheSameKeyArriveTogether() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = unique("Ocho a la vez");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(threads.submit(() -> {
                go.await();
                return file(ANA, key, filing(subject)).then().extract();
            }));
        }
        go.countDown();
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> attempt : attempts) {
            answers.add(attempt.get(60, TimeUnit.SECONDS));
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(a -> a.<String>path("id")).containsOnly(answers.get(0).<String>path("id"));
        assertThat(answers.stream().filter(a -> a.header(REPLAYED) == null)).hasSize(1);
        assertThat(answers.stream().filter(a -> "true".equals(a.header(REPLAYED)))).hasSize(7);
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
        String id = answers.get(0).path("id");
        assertThat(count("SELECT count(*) FROM outbox_message WHERE message_key = ?1", id)).isEqualTo(1);
    }

    @Test
    void shouldMakeASecondAttemptWaitForTheFirstAndReplayIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = unique("La primera espera");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        Future<RequestService.Filed> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            RequestService.Filed filed = requests.file(ANA_ACTOR, filingOf(subject), keyOf(key, subject));
            claimed.countDown();
            assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
            return filed;
        }));
        assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
        Future<RequestService.Filed> second = threads.submit(() -> QuarkusTransaction.requiringNew().call(() ->
                requests.file(ANA_ACTOR, filingOf(subject), keyOf(key, subject))));
        await().atMost(EVENTUALLY).until(this::waitingForAKey);
        assertThat(second).isNotDone();
        commit.countDown();

        RequestService.Filed filed = first.get(60, TimeUnit.SECONDS);
        RequestService.Filed replayed = second.get(60, TimeUnit.SECONDS);
        assertThat(filed.replayed()).isFalse();
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.request().id).isEqualTo(filed.request().id);
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void shouldLetASecondAttemptFileWhenTheFirstRolledBack() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = unique("La primera falla");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);

        Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            requests.file(ANA_ACTOR, filingOf(subject), keyOf(key, subject));
            claimed.countDown();
            try {
                fail.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the first attempt fails before it commits");
        }));
        assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
        Future<RequestService.Filed> second = threads.submit(() -> QuarkusTransaction.requiringNew().call(() ->
                requests.file(ANA_ACTOR, filingOf(subject), keyOf(key, subject))));
        await().atMost(EVENTUALLY).until(this::waitingForAKey);
        fail.countDown();

        assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasRootCauseMessage("the first attempt fails before it commits");
        RequestService.Filed filed = second.get(60, TimeUnit.SECONDS);
        assertThat(filed.replayed()).isFalse();
        assertThat(requestsWithSubject(subject)).isEqualTo(1);
        assertThat(keyRow("ana-sub", key)[1]).isEqualTo(filed.request().id);
    }

    @Test
    void shouldFileAnewWithAKeyPastItsRetention() {
        String key = UUID.randomUUID().toString();
        String subject = unique("Clave vencida");
        String first = file(ANA, key, filing(subject)).then().statusCode(201).extract().path("id");
        age("ana-sub", key, RETENTION.plusMinutes(1));

        String second = file(ANA, key, filing(subject)).then().statusCode(201)
                .header(REPLAYED, nullValue())
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .extract().path("id");

        assertThat(second).isNotEqualTo(first);
        assertThat(requestsWithSubject(subject)).isEqualTo(2);
        assertThat(keyRow("ana-sub", key)[1].toString()).isEqualTo(second);
        file(ANA, key, filing(subject)).then().statusCode(201).header(REPLAYED, "true").body("id", equalTo(second));
    }

    @Test
    void shouldStillReplayAKeyJustWithinItsRetention() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = filing(unique("Clave casi vencida"));
        String id = file(ANA, key, body).then().statusCode(201).extract().path("id");
        age("ana-sub", key, RETENTION.minusMinutes(1));

        file(ANA, key, body).then().statusCode(201).header(REPLAYED, "true").body("id", equalTo(id));
    }

    @Test
    void shouldPurgeKeysPastTheirRetentionOnly() {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        file(ANA, old, filing(unique("Para purgar"))).then().statusCode(201);
        file(ANA, fresh, filing(unique("Para guardar"))).then().statusCode(201);
        age("ana-sub", old, RETENTION.plusSeconds(1));

        assertThat(filingKeys.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM filing_idempotency_key WHERE idempotency_key = ?1", old)).isZero();
        assertThat(count("SELECT count(*) FROM filing_idempotency_key WHERE idempotency_key = ?1", fresh)).isEqualTo(1);
    }

    @Test
    void shouldFileAsBeforeWithoutAKey() {
        String subject = unique("Sin clave");
        Fixture.as(ANA).body(filing(subject)).post("/requests").then().statusCode(201).header(REPLAYED, nullValue());
        Fixture.as(ANA).body(filing(subject)).post("/requests").then().statusCode(201).header(REPLAYED, nullValue());

        assertThat(requestsWithSubject(subject)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM filing_idempotency_key k JOIN information_request r ON r.id = k.request_id "
                + "WHERE r.subject = ?1", subject)).isZero();
    }

    @Test
    void shouldKeepTheHashOfBodiesSentBeforePublicationConsentExistedAndTellConsentApart() {
        String before = "425edf6763494367067e9b87146e4f295a3208536d900bce357decc7bcbe29c1"; // as computed before the field
        assertThat(new FileRequest("Obras 2025", "Contratos de obra.", "OBRAS", null, null, null, null, null, null).sha256()).isEqualTo(before);
        assertThat(new FileRequest("Obras 2025", "Contratos de obra.", "OBRAS", null, null, false, null, null, null).sha256())
                .isNotEqualTo(before)
                .isNotEqualTo(new FileRequest("Obras 2025", "Contratos de obra.", "OBRAS", null, null, true, null, null, null).sha256());
    }

    // ---- helpers

    static final Actor ANA_ACTOR = new Actor("ana-sub", "ana", "Ana", "ana@example.org", Set.of(Role.RESIDENT), null);

    static RequestService.Filing filingOf(String subject) {
        return new RequestService.Filing(subject, "Copia de los contratos de alumbrado 2025.", "OBRAS", Language.DEFAULT,
                "ana@example.org", true);
    }

    static FilingKeys.Key keyOf(String key, String subject) {
        return new FilingKeys.Key(key, new FileRequest(subject, "Copia de los contratos de alumbrado 2025.", "OBRAS",
                null, null, null, null, null, null).sha256());
    }

    /** Whether a transaction waits for a lock to write a filing's key (the second attempt behind the first). */
    boolean waitingForAKey() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?1",
                "%INSERT INTO filing_idempotency_key%") > 0;
    }

    long requestsWithSubject(String subject) {
        return count("SELECT count(*) FROM information_request WHERE subject = ?1", subject);
    }

    Object[] keyRow(String subject, String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT body_sha256, request_id FROM filing_idempotency_key WHERE requester_subject = ?1 AND idempotency_key = ?2")
                .setParameter(1, subject).setParameter(2, key).getSingleResult());
    }

    void age(String subject, String key, Duration by) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE filing_idempotency_key "
                        + "SET created_at = created_at - make_interval(secs => ?3) WHERE requester_subject = ?1 AND idempotency_key = ?2")
                .setParameter(1, subject).setParameter(2, key).setParameter(3, (double) by.toSeconds()).executeUpdate());
    }

    long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    /**
     * Every RequestFiled of request {@code id} on request-events, read to the end of the topic once the outbox has sent
     * all of this request's rows (so a second one would be there).
     */
    List<RequestFiled> requestFiledOnTheBroker(String id) {
        await().atMost(EVENTUALLY).until(() ->
                count("SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND sent_at IS NULL", id) == 0);
        KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 1, EVENTUALLY);
        List<RequestFiled> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUEST_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        EventCodec.payload(EventCodec.read(record.value()), RequestFiled.class).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }
}
