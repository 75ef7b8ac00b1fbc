package org.acceso.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * A deliberate HTTP error whose message is written for the client and goes into the problem's detail, optionally
 * with a problem type and extension members.
 */
public class ProblemException extends WebApplicationException {

    private final String type;
    private final Map<String, Object> extensions;
    private final List<Problem.Violation> violations;

    public ProblemException(Response.Status status, String detail) {
        this(status, "about:blank", detail, Map.of(), List.of());
    }

    public ProblemException(Response.Status status, String type, String detail, Map<String, Object> extensions,
                            List<Problem.Violation> violations) {
        super(detail, status);
        this.type = type;
        this.extensions = Map.copyOf(extensions);
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    /** A 400 naming the one field that is wrong. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Response.Status.BAD_REQUEST, "/problems/invalid-request", "1 field is invalid",
                Map.of(), List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public String type() {
        return type;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
