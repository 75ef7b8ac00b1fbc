package org.acceso.register.rest;

import org.acceso.register.domain.Ground;
import org.acceso.register.domain.Outcome;
import org.acceso.register.service.RegisterQueries;
import org.acceso.register.service.SimilarRequests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The public API's bodies. Nothing here can name a requester: the register never received one. */
public final class Views {

    static final String REQUESTS = "/api/public/requests/";

    private Views() {
    }

    /** A text in Spanish and English. */
    public record Words(String es, String en) {
    }

    /** A line of the register's list. */
    public record RequestItem(String trackingNumber, String agencyCode, String agencyName, String subject,
                              String questionExcerpt, String outcome, Words outcomeText, LocalDate filedOn,
                              LocalDate answeredOn, boolean onTime, int documents, String href) {
    }

    /** A page of the register; {@code total} counts the matches exactly when {@code totalExact}, else "more than". */
    public record RequestPage(List<RequestItem> items, long total, boolean totalExact, int page, int size) {
    }

    /** One published request: question, answer, outcome and grounds in plain words, dates, timeliness, documents. */
    public record RequestDetail(String trackingNumber, String agencyCode, String agencyName, String subject,
                                String question, String answer, String outcome, Words outcomeText, List<Ground> grounds,
                                Instant filedAt, LocalDate filedOn, Instant answeredAt, LocalDate answeredOn,
                                LocalDate dueOn, boolean onTime, boolean extended, Instant publishedAt,
                                List<DocumentView> documents, String href) {
    }

    public record DocumentView(UUID id, String fileName, String mediaType, long size, String sha256, String href) {
    }

    /** A published request like the text, with its score (0 to 1, higher is closer). */
    public record SimilarItem(String trackingNumber, String agencyCode, String agencyName, String subject,
                              String questionExcerpt, String outcome, Words outcomeText, LocalDate filedOn,
                              LocalDate answeredOn, double score, String href) {
    }

    public record SimilarList(List<SimilarItem> items) {
    }

    static Words outcomeText(String outcome) {
        return Outcome.of(outcome).map(o -> new Words(o.spanish(), o.english())).orElse(new Words(outcome, outcome));
    }

    static String href(String trackingNumber) {
        return REQUESTS + trackingNumber;
    }

    static LocalDate date(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }

    static RequestItem item(RegisterQueries.Item item, ZoneId zone) {
        return new RequestItem(item.trackingNumber(), item.agencyCode(), item.agencyName(), item.subject(),
                item.question(), item.outcome(), outcomeText(item.outcome()), item.filedOn(),
                date(item.answeredAt(), zone), item.onTime(), item.documents(), href(item.trackingNumber()));
    }

    static RequestDetail detail(RegisterQueries.Detail d, ZoneId zone) {
        String href = href(d.trackingNumber());
        return new RequestDetail(d.trackingNumber(), d.agencyCode(), d.agencyName(), d.subject(), d.question(),
                d.answer(), d.outcome(), outcomeText(d.outcome()), d.grounds(), d.filedAt(), d.filedOn(), d.answeredAt(),
                date(d.answeredAt(), zone), d.dueOn(), d.onTime(), d.extended(), d.publishedAt(),
                d.documents().stream().map(doc -> new DocumentView(doc.id(), doc.fileName(), doc.mediaType(), doc.size(),
                        doc.sha256(), href + "/documents/" + doc.id())).toList(), href);
    }

    static SimilarItem similar(SimilarRequests.Similar s, ZoneId zone) {
        return new SimilarItem(s.trackingNumber(), s.agencyCode(), s.agencyName(), s.subject(), s.question(),
                s.outcome(), outcomeText(s.outcome()), s.filedOn(), date(s.answeredAt(), zone), s.score(),
                href(s.trackingNumber()));
    }
}
