package org.acceso.notification.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/** Paging of the caller's feed. */
public class FeedQuery {

    @QueryParam("page")
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number from 0")
    public String page;

    @QueryParam("size")
    @Pattern(regexp = "[1-9]\\d?|100", message = "must be a whole number from 1 to 100")
    public String size;
}
