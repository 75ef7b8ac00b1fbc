package org.acceso.web.view;

import io.quarkus.qute.TemplateExtension;
import org.acceso.web.api.Api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** How a request stands against its deadline, for the marks in lists ({@code {r.mark}}). */
@TemplateExtension
public final class RequestMarks {

    /** Statuses in which the request still waits for its answer and the clock can run out. */
    static final Set<String> WAITING = Set.of("RECEIVED", "ASSIGNED", "REFERRED", "EXTENDED");
    /** A deadline this close is "due soon". */
    static final Duration DUE_SOON = Duration.ofDays(5);

    static Clock clock = Clock.systemUTC();

    private RequestMarks() {
    }

    /** {@code overdue}, {@code due-soon} or empty. */
    static String mark(Api.Request request) {
        if (request.dueAt() == null || !WAITING.contains(request.status())) {
            return "";
        }
        Instant due = request.dueAt().toInstant();
        Instant now = clock.instant();
        if (due.isBefore(now)) {
            return "overdue";
        }
        return due.isBefore(now.plus(DUE_SOON)) ? "due-soon" : "";
    }

    static boolean isWaiting(Api.Request request) {
        return WAITING.contains(request.status());
    }
}
