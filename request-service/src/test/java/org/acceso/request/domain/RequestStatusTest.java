package org.acceso.request.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestStatusTest {

    @Test
    void shouldStartTheLifecycleWithTheClockRunning() {
        assertThat(RequestStatus.RECEIVED.isClockRunning()).isTrue();
        assertThat(RequestStatus.RECEIVED.isTerminal()).isFalse();
        assertThat(RequestStatus.RECEIVED.allowedNext())
                .containsExactlyInAnyOrder(RequestStatus.ASSIGNED, RequestStatus.REFERRED, RequestStatus.WITHDRAWN,
                        RequestStatus.DEEMED_DENIED, RequestStatus.REFERRED_EXTERNALLY);
    }

    @Test
    void shouldPauseTheClockWhileWaitingForClarification() {
        assertThat(RequestStatus.AWAITING_CLARIFICATION.isClockRunning()).isFalse();
        assertThat(RequestStatus.AWAITING_CLARIFICATION.canMoveTo(RequestStatus.ASSIGNED)).isTrue();
    }

    @Test
    void shouldRefuseASecondExtension() {
        assertThat(RequestStatus.EXTENDED.canMoveTo(RequestStatus.EXTENDED)).isFalse();
    }

    @Test
    void shouldLetADeemedDenialBeAppealed() {
        assertThat(RequestStatus.DEEMED_DENIED.canMoveTo(RequestStatus.APPEALED)).isTrue();
        assertThat(RequestStatus.ANSWERED.canMoveTo(RequestStatus.APPEALED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"WITHDRAWN", "APPEAL_RESOLVED", "REFERRED_EXTERNALLY"})
    void shouldEndTheLifecycleInTerminalStates(RequestStatus terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        assertThat(terminal.isClockRunning()).isFalse();
        assertThat(terminal.allowedNext()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void shouldNeverRunTheClockInATerminalState(RequestStatus status) {
        assertThat(status.isTerminal() && status.isClockRunning()).isFalse();
        assertThat(status.isTerminal()).isEqualTo(status.allowedNext().isEmpty());
        assertThat(status.canMoveTo(status)).isFalse();
    }
}
