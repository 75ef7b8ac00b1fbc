package org.acceso.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailableTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"})
    void shouldCallAnUnreachableDatabaseAnOutage(String state) {
        Exception wrapped = new IllegalStateException("transaction failed",
                new RuntimeException("could not execute statement", new SQLException("gone", state)));

        assertThat(Unavailable.databaseUnreachable(wrapped)).isTrue();
    }

    @Test
    void shouldCallAPoolThatCannotLendAConnectionAnOutage() {
        assertThat(Unavailable.databaseUnreachable(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(Unavailable.databaseUnreachable(new RuntimeException(new SQLTransientConnectionException("refused"))))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "23505", "40001", "XX000", "22001"})
    void shouldCallEveryOtherDatabaseErrorAFault(String state) {
        assertThat(Unavailable.databaseUnreachable(new RuntimeException(new SQLException("no", state)))).isFalse();
    }

    @Test
    void shouldCallAnythingElseAFaultAndSurviveACycleOfCauses() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Unavailable.databaseUnreachable(second)).isFalse();
        assertThat(Unavailable.databaseUnreachable(new NullPointerException())).isFalse();
        assertThat(Unavailable.databaseUnreachable(null)).isFalse();
    }
}
