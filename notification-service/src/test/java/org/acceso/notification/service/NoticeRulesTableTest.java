package org.acceso.notification.service;

import org.acceso.contracts.RequestFiled;
import org.acceso.notification.domain.Category;
import org.acceso.notification.support.Story;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void shouldNotSendAReceiptForAnImportedRequestAndTellCoordinatorsOnlyOfRequestsNoAgencyHolds() {
        assertThat(NoticeRules.matching(story.filed(true))).isEmpty();
        assertThat(NoticeRules.matching(story.filed(false))).extracting(Rule::kind, Rule::to)
                .containsExactly(tuple("receipt", List.of(Audience.REQUESTER)),
                        tuple("unrouted_request", List.of(Audience.COORDINATORS)));
        RequestFiled routed = new RequestFiled(story.trackingNumber, "s", story.agency, "es", Story.FILED_AT,
                story.clerk(), false);
        assertThat(NoticeRules.matching(routed)).extracting(Rule::kind).containsExactly("receipt");
    }

    @Test
    void shouldTellCoordinatorsOfAppealsAndTheRequesterOfTheirDecision() {
        assertThat(NoticeRules.matching(story.appealFiled("DENIED")))
                .extracting(Rule::kind, Rule::to, Rule::category, Rule::legal)
                .containsExactly(tuple("appeal_filed", List.of(Audience.COORDINATORS), Category.COORDINATION, false));
        assertThat(NoticeRules.matching(story.appealResolved("UPHELD")))
                .extracting(Rule::kind, Rule::to, Rule::legal)
                .containsExactly(tuple("appeal_resolved", List.of(Audience.REQUESTER), true));
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
    void shouldTellTheRequesterAndTheAgencyItsClerkAndAuditorsOfAMissedDeadlineSeparately() {
        List<Audience> staff = List.of(Audience.AGENCY_CONTACT, Audience.ASSIGNEE, Audience.AGENCY_BACKUP, Audience.AUDITORS);
        assertThat(NoticeRules.matching(story.missed()))
                .extracting(Rule::kind, Rule::to, Rule::legal)
                .containsExactly(
                        tuple("deemed_denial", List.of(Audience.REQUESTER), true),
                        tuple("deadline_missed", staff, false));
        assertThat(NoticeRules.matching(story.veryOverdue()))
                .extracting(Rule::kind, Rule::to, Rule::legal)
                .containsExactly(tuple("deadline_very_overdue", staff, false));
    }

    @Test
    void shouldWriteDecisionsAndWhatWasAppealedInPlainWords() {
        assertThat(Words.of("es").word("decision", "PARTIALLY_UPHELD")).isEqualTo("se hizo lugar a su reclamo en parte");
        assertThat(Words.of("en").word("decision", "DISMISSED")).isEqualTo("your appeal was dismissed");
        for (String language : Languages.SUPPORTED) {
            for (String decision : List.of("UPHELD", "PARTIALLY_UPHELD", "DISMISSED")) {
                assertThat(Words.of(language).word("decision", decision)).as(decision + " in " + language).isNotEqualTo(decision);
            }
            for (String against : List.of("DENIED", "PARTIALLY_GRANTED", "DEEMED_DENIED")) {
                assertThat(Words.of(language).word("against", against)).as(against + " in " + language).isNotEqualTo(against);
            }
        }
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
