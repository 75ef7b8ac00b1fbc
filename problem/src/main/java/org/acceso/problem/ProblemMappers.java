package org.acceso.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.observability.Correlation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error a REST endpoint can meet into {@code application/problem+json}.
 * Each mapper handles one known kind of failure; the last resort ({@link #unexpected}) answers anything else with a
 * 503 (the database cannot be reached) or a 500 that names the request id and nothing of the exception: no message,
 * class name or stack trace of an unexpected exception ever reaches a response, only the log.
 * Needs {@code quarkus.http.auth.proactive=false} so that authentication failures reach these mappers.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a caller is asked to wait before trying again after a 503 ({@code Retry-After}). */
    @ConfigProperty(name = "acceso.problem.retry-after", defaultValue = "5s")
    Duration retryAfter;

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .collect(Collectors.toList());
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return respond(Problem.invalid(detail, path(uri), violations));
    }

    /** Overrides Quarkus' built-in mapper, whose body is not a problem. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(Problem.invalid("The request body has a value of the wrong type", path(uri),
                    List.of(new Problem.Violation(field, "has a value of the wrong type"))));
        }
        return respond(Problem.invalid("The request body is not well-formed JSON", path(uri), List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                        "A valid bearer token is required", path(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this action", path(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e instanceof ProblemException problem) {
            String title = problem.violations().isEmpty() ? status.getReasonPhrase() : "Invalid request";
            return respond(new Problem(problem.type(), title, status.getStatusCode(), problem.getMessage(), path(uri),
                    problem.violations(), problem.extensions()));
        }
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detailOf(status), path(uri)));
    }

    /** A detail for the framework's own refusals (no route, wrong method or content type), which carry none. */
    private static String detailOf(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "The request cannot be read";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not take this method";
            case 406 -> "This address cannot answer in any of the media types accepted";
            case 413 -> "The body is larger than this address takes";
            case 415 -> "This address does not take this content type";
            default -> status.getReasonPhrase();
        };
    }

    /** A concurrent update won the race (optimistic locking): the caller should reload and try again. */
    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "Conflict",
                "The resource was changed by someone else at the same time; reload it and try again", path(uri)));
    }

    /**
     * Anything no other mapper knows. A database that cannot be reached is an outage, not a fault: 503 with
     * {@code Retry-After} (the readiness check is DOWN meanwhile). Anything else is a fault of this service: 500.
     * Both carry the request id ({@code requestId}, also the {@code X-Request-Id} header and every log line of the
     * exchange), so a caller can report it and an operator find the cause in the log.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String requestId = Correlation.current().orElse(null);
        if (Unavailable.databaseUnreachable(e)) {
            LOG.warnf("%s %s: the database cannot be reached (%s)", requestId, path(uri), e.toString());
            return Response.fromResponse(respond(unavailable(path(uri), requestId)))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()))
                    .build();
        }
        LOG.errorf(e, "%s %s failed", requestId, path(uri));
        return respond(internal(path(uri), requestId));
    }

    /** The 503 of an outage: the caller may try again after {@code Retry-After}. */
    public static Problem unavailable(String instance, String requestId) {
        return withRequestId(new Problem("/problems/unavailable", "Service Unavailable", 503,
                "The service cannot reach its database right now; try again in a few seconds", instance, List.of(),
                Map.of()), requestId);
    }

    /** The 500 of a fault: nothing of the cause, only the id that finds it in the log. */
    public static Problem internal(String instance, String requestId) {
        return withRequestId(new Problem("/problems/internal-error", "Internal Server Error", 500,
                "Something went wrong on our side; the request id names it in our logs", instance, List.of(),
                Map.of()), requestId);
    }

    private static Problem withRequestId(Problem problem, String requestId) {
        return requestId == null ? problem : new Problem(problem.type(), problem.title(), problem.status(),
                problem.detail(), problem.instance(), problem.violations(), Map.of("requestId", requestId));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** "file.request.subject" → "subject": the JSON name the client sent, without method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (depth > 2) {
                field = field == null ? node.getName() : field + "." + node.getName();
            }
        }
        return field != null ? field : "body";
    }
}
