package org.acceso.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code violations} lists what was wrong with the input (400 only).
 * Never carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: the field's JSON name and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<Violation> violations) {
        return new Problem("/problems/invalid-request", "Invalid request", 400, detail, instance, violations);
    }
}
