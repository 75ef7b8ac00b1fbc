package org.acceso.notification.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/** The delivery log's filters: {@code status}, {@code from} and {@code to} (an ISO date or instant), paging. */
public class LogQuery {

    static final String DATE_OR_INSTANT = "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?";

    @QueryParam("status")
    @Pattern(regexp = "PENDING|SENT|FAILED", message = "must be one of PENDING, SENT, FAILED")
    public String status;

    @QueryParam("from")
    @Pattern(regexp = DATE_OR_INSTANT, message = "must be a date (2026-12-01) or an instant (2026-12-01T12:00:00Z)")
    public String from;

    @QueryParam("to")
    @Pattern(regexp = DATE_OR_INSTANT, message = "must be a date (2026-12-01) or an instant (2026-12-01T12:00:00Z)")
    public String to;

    @QueryParam("page")
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number from 0")
    public String page;

    @QueryParam("size")
    @Pattern(regexp = "[1-9]\\d?|100", message = "must be a whole number from 1 to 100")
    public String size;
}
