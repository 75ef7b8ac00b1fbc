package org.acceso.notification.service;

import org.acceso.notification.support.Story;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule table on its own: which events notify, which complete another notice, and that every notice has its words. */
class NoticeRulesTableTest {

    final Story story = Story.inSpanish();

    @Test
    void shouldHaveATextTemplateInEveryLanguageForEveryKind() {
        Set<String> kinds = new TreeSet<>(NoticeRules.kinds());
        kinds.addAll(NoticeWriter.DIGEST_KINDS);
        for (String kind : kinds) {
            for (String language : Languages.SUPPORTED) {
                assertThat(getClass().getResource("/templates/notices/" + kind + "_" + language + ".txt"))
                        .as(kind + " in " + language).isNotNull();
            }
        }
    }

    @Test
    void shouldNotSendAReceiptForAnImportedRequest() {
        assertThat(NoticeRules.matching(story.filed(true))).isEmpty();
        assertThat(NoticeRules.matching(story.filed(false))).extracting(Rule::kind).containsExactly("receipt");
    }

    @Test
    void shouldLetTheExtensionNoticeTellTheExtensionsNewDate() {
        assertThat(NoticeRules.matching(story.extended())).isEmpty();
        assertThat(NoticeRules.isCompanion(story.extended())).isTrue();
        assertThat(NoticeRules.matching(story.movedByCalendar())).extracting(Rule::kind).containsExactly("reschedule");
        assertThat(NoticeRules.isCompanion(story.movedByCalendar())).isFalse();
    }

    @Test
    void shouldNotWriteWhenAClockStops() {
        assertThat(NoticeRules.matching(story.stoppedByAnswer())).isEmpty();
    }

    @Test
    void shouldJoinAnAppealableAnswerWithTheAppealWindowOfTheSameCause() {
        Rule<?> denial = NoticeRules.matching(story.answered("DENIED", List.of("personal-data"))).get(0);
        assertThat(denial.join()).isNotNull();
        assertThat(denial.join().pairs(story.answered("DENIED", List.of()), story.appealWindow("DENIED"))).isTrue();
        assertThat(denial.join().pairs(story.answered("DENIED", List.of()), story.appealWindow("PARTIALLY_GRANTED"))).isFalse();
        assertThat(NoticeRules.isCompanion(story.appealWindow("DEEMED_DENIED"))).isFalse();
        assertThat(NoticeRules.matching(story.answered("NOT_HELD", List.of())).get(0).join()).isNull();
    }

    @Test
    void shouldTellTheRequesterAndTheAgencyAndAuditorsOfAMissedDeadlineSeparately() {
        assertThat(NoticeRules.matching(story.missed()))
                .extracting(Rule::kind, Rule::to, Rule::legal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deemed_denial", List.of(Audience.REQUESTER), true),
                        org.assertj.core.groups.Tuple.tuple("deadline_missed",
                                List.of(Audience.AGENCY_CONTACT, Audience.AUDITORS), false));
    }

    @Test
    void shouldWriteGroundsInPlainWordsAndKeepUnknownCodes() {
        assertThat(Words.of("es").word("ground", "personal-data"))
                .isEqualTo("datos personales de otras personas que no se pueden separar del resto");
        assertThat(Words.of("en").word("ground", "trade-secrets"))
                .isEqualTo("industrial, commercial, financial, scientific or technical secrets");
        assertThat(Words.of("en").word("ground", "a-new-ground")).isEqualTo("a-new-ground");
        assertThat(Words.of("fr").word("outcome", "DENIED")).isEqualTo("se le niega la información pedida");
    }

    @Test
    void shouldHavePlainWordsForEveryGroundOfArticleEight() {
        for (String ground : List.of("classified-defence", "financial-stability", "trade-secrets", "third-party-confidential",
                "aml-unit", "financial-supervision", "litigation-strategy", "professional-secrecy", "personal-data",
                "life-safety", "judicial-secrecy", "own-investigations", "listed-companies")) {
            for (String language : Languages.SUPPORTED) {
                assertThat(Words.of(language).word("ground", ground)).as(ground + " in " + language).isNotEqualTo(ground);
            }
        }
    }
}
