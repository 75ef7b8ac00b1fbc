package org.acceso.request.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.Problem;
import org.acceso.request.config.RequestConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Body limits per kind of endpoint, checked on the declared length before the body is read: documents up to
 * {@code request.documents.max-size} (plus the multipart envelope), imports up to {@code request.documents.max-import},
 * everything else up to {@code request.documents.max-json-body}. The HTTP server's own cap
 * ({@code quarkus.http.limits.max-body-size}) stays above the largest, for bodies sent without a length.
 */
public class BodyLimits {

    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final RequestConfig config;

    public BodyLimits(RequestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(HttpServerRequest request, UriInfo uri) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Optional.of(problem(400, "Bad Request", "Content-Length is not a number", uri));
        }
        String type = String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE)).toLowerCase();
        long limit;
        if (type.startsWith("multipart/")) {
            limit = config.documents().maxSize().asLongValue() + MULTIPART_OVERHEAD;
        } else if (uri.getPath().endsWith("/requests/import")) {
            limit = config.documents().maxImport().asLongValue();
        } else {
            limit = config.documents().maxJsonBody().asLongValue();
        }
        if (declared > limit) {
            return Optional.of(problem(413, "Content Too Large", "The body has " + declared + " bytes; this endpoint takes at most "
                    + limit, uri));
        }
        return Optional.empty();
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, uri.getPath())).build();
    }
}
