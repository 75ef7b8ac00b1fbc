package org.acceso.web.pages;

import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.bare("error").data("status", "403")).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.bare("error").data("status", "404")).build();
    }

    private Response page(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("error", "").data("status", String.valueOf(status))).build();
    }
}
