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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every error a REST endpoint can meet into {@code application/problem+json}.
 * Each mapper handles one known kind of failure; there is deliberately no catch-all, and no
 * message of an unexpected exception ever reaches a response.
 * Needs {@code quarkus.http.auth.proactive=false} so that authentication failures reach these mappers.
 */
public class ProblemMappers {

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
