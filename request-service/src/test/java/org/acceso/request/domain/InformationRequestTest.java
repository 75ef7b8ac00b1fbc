package org.acceso.request.domain;

import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestReferred;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's moves, without a database: each checks the status table and the legal rules, and returns its event. */
class InformationRequestTest {

    static final ZoneId ZONE = ZoneId.of("America/Argentina/Cordoba");
    static final Instant FILED = Instant.parse("2026-11-26T13:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-30T13:00:00Z");
    static final Actor ANA = new Actor("ana-sub", "ana", "Ana Pérez", "ana@example.org", Set.of(Role.RESIDENT), null);
    static final Person CARLA = new Person("carla-sub", "Carla Gómez", "carla@example.org");

    static InformationRequest filed() {
        return InformationRequest.file(UUID.randomUUID(), "AIP-2026-000123", ANA, "ana@example.org", "Contratos",
                "Contratos de obra 2025.", "OBRAS", Language.ES, FILED);
    }

    static InformationRequest registered(RegisteredRequester requester) {
        return InformationRequest.register(UUID.randomUUID(), "AIP-2026-000002", Channel.POST, requester, "Expedientes",
                "Copia de los expedientes.", "OBRAS", Language.DEFAULT, FILED);
    }

    @Test
    void shouldAnnounceARegisteredRequestWithoutAccountAndWithoutItsOtherContactData() {
        InformationRequest request = registered(new RegisteredRequester("Rosa Ruiz", null, "Bv. Oroño 1234", "3414801234",
                "20.123.456"));

        assertThat(request.isRegistered()).isTrue();
        assertThat(request.isFiledBy("registered:AIP-2026-000002")).isTrue(); // no token carries such a subject
        assertThat(request.filed().channel()).isEqualTo("POST");
        assertThat(request.filed().filedAt()).isEqualTo(FILED);
        assertThat(request.filed().requester()).isEqualTo(new Person(null, "Rosa Ruiz", null, "es"));
        assertThat(request.filed().toString()).doesNotContain("Oroño").doesNotContain("3414801234").doesNotContain("20.123.456");
        assertThat(request.registeredRequester().postalAddress()).isEqualTo("Bv. Oroño 1234");
    }

    @Test
    void shouldRefuseARegistrationFromTheWebOrWithoutAnyWayToReachTheRequester() {
        assertThatThrownBy(() -> InformationRequest.register(UUID.randomUUID(), "AIP-2026-000003", Channel.WEB,
                new RegisteredRequester("Rosa Ruiz", "rosa@example.org", null, null, null), "s", "d", null,
                Language.DEFAULT, FILED)).isInstanceOf(InvalidInput.class).hasMessageContaining("IN_PERSON");
        assertThatThrownBy(() -> registered(new RegisteredRequester("Rosa Ruiz", null, null, null, "20.123.456")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("requester");
    }

    @Test
    void shouldAnnounceAFilingOnlineWithTheWebChannelAndTheAccount() {
        assertThat(filed().filed().channel()).isEqualTo("WEB");
        assertThat(filed().filed().requester().userId()).isEqualTo("ana-sub");
        assertThat(filed().isRegistered()).isFalse();
    }

    static InformationRequest assigned() {
        InformationRequest request = filed();
        request.assign("OBRAS", CARLA, FILED);
        return request;
    }

    /** Makes {@code move} with arguments that satisfy every rule but the status. */
    static void make(Move move, InformationRequest r) {
        switch (move) {
            case ASSIGN -> r.assign("OBRAS", CARLA, LATER);
            case REQUEST_CLARIFICATION -> r.requestClarification("¿Qué barrio?", LATER);
            case PROVIDE_CLARIFICATION -> r.provideClarification("Echesortu", LATER);
            case REFER -> r.refer("SALUD".equals(r.agencyCode) ? "OBRAS" : "SALUD", "La tiene otra área", LATER);
            case REFER_OUT -> r.referOut("Provincia de Santa Fe", "Es provincial", LATER);
            case EXTEND -> r.extend("Tres expedientes", 1, ZONE, LATER);
            case ANSWER -> r.answer(Outcome.DENIED, "No", List.of("personal-data"), List.of(), LATER);
            case WITHDRAW -> r.withdraw("Ya no", LATER);
            case DEEM_DENIED -> r.deemDenied(OffsetDateTime.parse("2026-12-21T23:59:59-03:00"), LATER);
            case APPEAL -> r.appeal("No está fundada", LATER);
            case RESOLVE_APPEAL -> r.resolveAppeal(AppealDecision.DISMISSED, "Fundada", LATER);
        }
    }

    /** A request in {@code status}, reached by legal moves only. */
    static InformationRequest in(RequestStatus status) {
        InformationRequest r = filed();
        List<Move> path = switch (status) {
            case RECEIVED -> List.of();
            case ASSIGNED -> List.of(Move.ASSIGN);
            case AWAITING_CLARIFICATION -> List.of(Move.ASSIGN, Move.REQUEST_CLARIFICATION);
            case REFERRED -> List.of(Move.ASSIGN, Move.REFER);
            case EXTENDED -> List.of(Move.ASSIGN, Move.EXTEND);
            case ANSWERED -> List.of(Move.ASSIGN, Move.ANSWER);
            case WITHDRAWN -> List.of(Move.WITHDRAW);
            case DEEMED_DENIED -> List.of(Move.ASSIGN, Move.DEEM_DENIED);
            case APPEALED -> List.of(Move.ASSIGN, Move.ANSWER, Move.APPEAL);
            case APPEAL_RESOLVED -> List.of(Move.ASSIGN, Move.ANSWER, Move.APPEAL, Move.RESOLVE_APPEAL);
            case REFERRED_EXTERNALLY -> List.of(Move.ASSIGN, Move.REFER_OUT);
        };
        path.forEach(move -> make(move, r));
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    static Stream<Arguments> everyStatusAndMove() {
        return Arrays.stream(RequestStatus.values())
                .flatMap(status -> Arrays.stream(Move.values()).map(move -> Arguments.of(status, move)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStatusAndMove")
    void shouldMoveExactlyAsTheStatusTableSays(RequestStatus status, Move move) {
        InformationRequest request = in(status);

        if (status.allows(move)) {
            make(move, request);
            assertThat(request.status()).isEqualTo(status.after(move).orElseThrow());
        } else {
            assertThatThrownBy(() -> make(move, request))
                    .isInstanceOf(IllegalMoveException.class)
                    .hasMessageContaining(status.name())
                    .satisfies(e -> assertThat(((IllegalMoveException) e).status()).isEqualTo(status));
            assertThat(request.status()).isEqualTo(status);
        }
    }

    @Test
    void shouldNameTheAllowedMovesWhenRefusingOne() {
        InformationRequest answered = in(RequestStatus.ANSWERED);

        assertThatThrownBy(() -> answered.extend("tarde", 1, ZONE, LATER))
                .isInstanceOf(IllegalMoveException.class)
                .hasMessage("AIP-2026-000123 is ANSWERED: extend is not allowed; allowed from ANSWERED: appeal")
                .satisfies(e -> assertThat(((IllegalMoveException) e).allowedMoves()).containsExactly("appeal"));
    }

    @Test
    void shouldRefuseASecondExtensionEvenAfterAClarification() {
        InformationRequest request = in(RequestStatus.EXTENDED);
        request.requestClarification("¿Qué barrio?", LATER);
        request.provideClarification("Echesortu", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThatThrownBy(() -> request.extend("otra vez", 1, ZONE, LATER))
                .isInstanceOf(IllegalMoveException.class);
    }

    @Test
    void shouldRefuseAnExtensionBeyondThePolicyMaximum() {
        InformationRequest request = assigned();
        request.extensions = 1; // e.g. extended, then referred and assigned again

        assertThatThrownBy(() -> request.extend("otra vez", 1, ZONE, LATER))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already extended 1 time");
        assertThat(request.status()).isEqualTo(RequestStatus.ASSIGNED);
    }

    @Test
    void shouldRefuseAnExtensionOnceTheDeadlinePassed() {
        InformationRequest request = assigned();
        request.showDeadline(LocalDate.parse("2026-12-21"), Instant.parse("2026-12-22T02:59:59Z"), ClockStatus.RUNNING, FILED);

        assertThatThrownBy(() -> request.extend("tarde", 1, ZONE, Instant.parse("2026-12-22T03:00:00Z")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("deadline passed at 2026-12-21T23:59:59-03:00");
        assertThat(request.extensions).isZero();
    }

    @Test
    void shouldExtendBeforeTheDeadlineAndSayWhichDeadlineItExtends() {
        InformationRequest request = assigned();
        request.showDeadline(LocalDate.parse("2026-12-21"), Instant.parse("2026-12-22T02:59:59Z"), ClockStatus.RUNNING, FILED);

        ExtensionGranted event = request.extend("Tres expedientes", 1, ZONE, Instant.parse("2026-12-22T02:59:58Z"));

        assertThat(event.dueAtWhenGranted()).isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59-03:00"));
        assertThat(event.reason()).isEqualTo("Tres expedientes");
        assertThat(request.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThat(request.extensions).isEqualTo(1);
    }

    @Test
    void shouldRequireGroundsForDenialsAndPartialGrantsOnly() {
        assertThatThrownBy(() -> assigned().answer(Outcome.DENIED, "No", List.of(), List.of(), LATER))
                .isInstanceOf(InvalidInput.class).hasMessage("DENIED needs at least one exemption ground");
        assertThatThrownBy(() -> assigned().answer(Outcome.PARTIALLY_GRANTED, "En parte", List.of(), List.of(), LATER))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> assigned().answer(Outcome.GRANTED, "Sí", List.of("personal-data"), List.of(), LATER))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cites no exemption ground");

        UUID document = UUID.randomUUID();
        RequestAnswered answered = assigned().answer(Outcome.PARTIALLY_GRANTED, "En parte",
                List.of("personal-data", "trade-secrets"), List.of(document), LATER);
        assertThat(answered.outcome()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(answered.grounds()).containsExactly("personal-data", "trade-secrets");
        assertThat(answered.documentIds()).containsExactly(document);
        assertThat(answered.answeredAt()).isEqualTo(LATER);
    }

    @Test
    void shouldLetOnlyWithholdingAnswersAndSilenceBeAppealed() {
        InformationRequest granted = assigned();
        granted.answer(Outcome.GRANTED, "Sí", List.of(), List.of(), LATER);
        assertThatThrownBy(() -> granted.appeal("quiero más", LATER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("was answered GRANTED");

        AppealFiled againstDenial = in(RequestStatus.ANSWERED).appeal("No fundada", LATER);
        assertThat(againstDenial.against()).isEqualTo("DENIED");
        AppealFiled againstSilence = in(RequestStatus.DEEMED_DENIED).appeal("Silencio", LATER);
        assertThat(againstSilence.against()).isEqualTo("DEEMED_DENIED");
    }

    @Test
    void shouldRefuseAnAppealOnceTheWindowClosed() {
        InformationRequest request = in(RequestStatus.DEEMED_DENIED);
        request.showAppealWindow(LocalDate.parse("2027-02-23"), Instant.parse("2027-02-24T02:59:59Z"));
        request.closeAppealWindow();

        assertThatThrownBy(() -> request.appeal("tarde", LATER))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("closed on 2027-02-23");
        assertThat(request.status()).isEqualTo(RequestStatus.DEEMED_DENIED);
    }

    @Test
    void shouldReassignWithoutChangingTheStatus() {
        InformationRequest request = in(RequestStatus.AWAITING_CLARIFICATION);

        RequestAssigned event = request.assign("OBRAS", new Person("cora-sub", "Cora", "cora@example.org"), LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CLARIFICATION);
        assertThat(event.previousAgencyCode()).isEqualTo("OBRAS");
        assertThat(event.assignee().userId()).isEqualTo("cora-sub");
        assertThat(request.assigneeUserId).isEqualTo("cora-sub");
    }

    @Test
    void shouldReferToAnotherAgencyKeepingTheTrackingNumberAndDroppingTheAssignee() {
        InformationRequest request = assigned();

        RequestReferred event = request.refer("SALUD", "La tiene Salud", LATER);

        assertThat(event.trackingNumber()).isEqualTo("AIP-2026-000123");
        assertThat(event.fromAgencyCode()).isEqualTo("OBRAS");
        assertThat(event.agencyCode()).isEqualTo("SALUD");
        assertThat(event.externalBody()).isNull();
        assertThat(request.agencyCode).isEqualTo("SALUD");
        assertThat(request.assigneeUserId).isNull();
        assertThatThrownBy(() -> request.refer("SALUD", "otra vez", LATER)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void shouldCloseAReferralOutsideWithAPointerAndKeepItInTheReferringAgencysRecords() {
        InformationRequest request = assigned();

        RequestReferred event = request.referOut("Gobierno de la Provincia de Santa Fe", "Es provincial", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.REFERRED_EXTERNALLY);
        assertThat(request.status().isTerminal()).isTrue();
        assertThat(request.externalBody).isEqualTo("Gobierno de la Provincia de Santa Fe");
        assertThat(request.agencyCode).isEqualTo("OBRAS");
        assertThat(event.agencyCode()).isNull();
        assertThat(event.externalBody()).isEqualTo("Gobierno de la Provincia de Santa Fe");
    }

    @Test
    void shouldNeverMoveTheDueDateBackForAnOlderNotice() {
        InformationRequest request = assigned();
        request.showDeadline(LocalDate.parse("2027-01-20"), Instant.parse("2027-01-21T02:59:59Z"), ClockStatus.RUNNING,
                Instant.parse("2026-12-10T00:00:00Z"));

        boolean applied = request.showDeadline(LocalDate.parse("2026-12-21"), Instant.parse("2026-12-22T02:59:59Z"),
                ClockStatus.RUNNING, Instant.parse("2026-11-26T00:00:00Z"));
        request.showDeadline(null, null, ClockStatus.PAUSED, Instant.parse("2026-12-11T00:00:00Z"));

        assertThat(applied).isFalse();
        assertThat(request.dueOn).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(request.clockStatus).isEqualTo(ClockStatus.PAUSED);
    }
}
