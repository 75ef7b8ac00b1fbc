package org.acceso.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code violations} lists what was wrong with the input (400 only); {@code extensions}
 * are further members a problem type defines (e.g. a 409's {@code currentStatus} and {@code allowedMoves}).
 * Never carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: the field's JSON name and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of(), Map.of());
    }

    public static Problem invalid(String detail, String instance, List<Violation> violations) {
        return new Problem("/problems/invalid-request", "Invalid request", 400, detail, instance, violations, Map.of());
    }

    /** The extension members, written at the top level of the JSON object as RFC 9457 asks. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }
}
