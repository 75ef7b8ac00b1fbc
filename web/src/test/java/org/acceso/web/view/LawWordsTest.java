package org.acceso.web.view;

import org.acceso.web.api.Api;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The law's sentences, filled from a policy as each profile counts: units, ordinals, extensions, clarifications. */
class LawWordsTest {

    static Api.Policy policy(int days, String unit, int extensionDays, int maxExtensions, String clarification,
                             int appealDays, String appealUnit, String cutoff) {
        return new Api.Policy("p", "j", "Ley 1", "UTC", days, unit, cutoff, extensionDays, unit, maxExtensions,
                clarification, appealDays, appealUnit);
    }

    @Test
    void shouldSayRosariosRuleInBothLanguages() {
        Api.Policy rosario = policy(15, "BUSINESS", 15, 1, "PAUSE", 40, "BUSINESS", null);

        assertThat(LawWords.of(Optional.of(rosario), "es").clockRule()).isEqualTo("El día 0 es el de la recepción (si se "
                + "presenta un día no hábil, el siguiente hábil). El plazo termina al final del 15.º día hábil. No cuentan "
                + "fines de semana, feriados ni días de cierre de la administración. Una aclaración detiene el plazo hasta la "
                + "respuesta. Una extensión le suma 15 días hábiles.");
        assertThat(LawWords.of(Optional.of(rosario), "en").clockRule()).isEqualTo("Day 0 is the day of receipt (the next "
                + "business day when filed on a non-business day). The deadline ends at the end of the 15th business day. "
                + "Weekends, holidays and days the administration is closed do not count. A clarification stops the deadline "
                + "until the reply. An extension adds 15 business days.");
        assertThat(LawWords.of(Optional.of(rosario), "es").say("home_fact_silence"))
                .isEqualTo("Si no te responden a tiempo, o te niegan la información, podés reclamar dentro de 40 días hábiles.");
    }

    @Test
    void shouldSayAPolicyWithoutExtensionAndARestartingClarification() {
        LawWords uk = LawWords.of(Optional.of(policy(20, "BUSINESS", 0, 0, "RESTART", 40, "BUSINESS", null)), "en");

        assertThat(uk.say("home_fact_days")).isEqualTo("The City has 20 business days to answer. The law allows no "
                + "extension of that deadline.");
        assertThat(uk.extendHint()).isEqualTo("The law allows no extension of that deadline.");
        assertThat(uk.clockRule()).contains("the 20th business day", "A clarification makes the deadline start again from "
                + "the reply.", "The law allows no extension.").doesNotContain("adds");
    }

    @Test
    void shouldSayMonthsCalendarDaysSeveralExtensionsAndACutoff() {
        LawWords spain = LawWords.of(Optional.of(policy(1, "MONTH", 1, 1, "PAUSE", 1, "MONTH", null)), "es");
        assertThat(spain.term()).isEqualTo("1 mes");
        assertThat(spain.clockRule()).contains("El plazo termina 1 mes después de la recepción, el día de igual número",
                "Una extensión le suma 1 mes.");

        LawWords calendar = LawWords.of(Optional.of(policy(21, "CALENDAR", 2, 3, "PAUSE", 90, "CALENDAR", "14:00")), "en");
        assertThat(calendar.term()).isEqualTo("21 calendar days");
        assertThat(calendar.say("home_fact_days")).endsWith("It may extend that up to 3 times, by 2 calendar days more each "
                + "time, and must tell you why before the deadline passes.");
        assertThat(calendar.extendHint()).isEqualTo("Up to 3 times, by 2 calendar days, with written reasons, before the "
                + "deadline passes.");
        assertThat(calendar.clockRule()).contains("or after 14:00)", "the end of the 21st calendar day", "Every day counts");
        assertThat(LawWords.of(Optional.of(policy(22, "BUSINESS", 1, 1, "PAUSE", 1, "BUSINESS", null)), "en").clockRule())
                .contains("the 22nd business day");
        assertThat(LawWords.of(Optional.of(policy(12, "BUSINESS", 1, 1, "PAUSE", 1, "BUSINESS", null)), "en").appeal())
                .isEqualTo("1 business day");
    }

    @Test
    void shouldSayNothingWithoutAPolicy() {
        LawWords unknown = LawWords.of(Optional.empty(), "es");

        assertThat(unknown.known()).isFalse();
        assertThat(unknown.say("home_fact_days")).isEmpty();
        assertThat(unknown.clockRule()).isEmpty();
    }
}
