package org.acceso.web.pages;

import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.observability.Correlation;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.view.Pages;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Pages for what went wrong, in the reader's language: not found, not allowed, the API refusing or unreachable. Never
 * a stack trace or a class name; the cause goes to the log with the correlation id.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response api(ApiProblem problem) {
        int status = switch (problem.status()) {
            case 401, 403, 404, 409, 429 -> problem.status();
            default -> problem.status() >= 500 ? 503 : 400;
        };
        if (status == 503) {
            LOG.warnf("The API answered %d: %s", problem.status(), problem.detail());
        }
        return page(status);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("The API cannot be reached: %s", e.getMessage());
        return page(503);
    }

    /**
     * A page the person's role does not open (a clerk typing {@code /requests/new}): refused before the page's filters
     * ran, so there is no CSRF token for forms; the page is drawn without them.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return bare(403);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return bare(404);
    }

    /** What the framework refuses itself (a wrong method or media type, an unreadable form): its status, as a page. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        // bare: the refusal may come before the filters that give a page its forms (CSRF token) have run
        return bare(status, status == 404 ? 404 : 400);
    }

    /**
     * Anything no mapper above knows: the 500 page, with the request id by which the reader can report it and an
     * operator find the cause in the log. Nothing of the exception reaches the page.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String requestId = Correlation.current().orElse(null);
        LOG.errorf(e, "%s: the page failed", requestId);
        // bare: an error page must not fail in turn on what failed before it (forms, session)
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.bare("error").data("status", "500").data("requestId", requestId)).build();
    }

    /** A page without forms: for refusals that may come before the filters that give a page its forms have run. */
    private Response bare(int status) {
        return bare(status, status);
    }

    /** The response's own status with the page of {@code shown} (the page knows 400 and 404, not every 4xx). */
    private Response bare(int status, int shown) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.bare("error").data("status", String.valueOf(shown)).data("requestId", null)).build();
    }

    private Response page(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("error", "").data("status", String.valueOf(status)).data("requestId", null)).build();
    }
}
