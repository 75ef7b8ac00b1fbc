package org.acceso.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.List;

/** The API refused a call: its status and problem document (RFC 9457), for the page to explain. */
public class ApiProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String detail;
    private final List<Violation> violations;

    public ApiProblem(int status, String detail, List<Violation> violations) {
        this(status, null, detail, violations);
    }

    public ApiProblem(int status, String type, String detail, List<Violation> violations) {
        super("API answered " + status + ": " + detail, null, false, false);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.violations = violations == null ? List.of() : violations;
    }

    public int status() {
        return status;
    }

    /** The problem's type ({@code /problems/illegal-move}...), or null. */
    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<Violation> violations() {
        return violations;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message) {

        /** The field's own name ({@code file.body.subject} → {@code subject}). */
        public String name() {
            return field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String type, String title, Integer status, String detail, List<Violation> violations) {
    }

    /** Reads every answer of 400 and above into an {@link ApiProblem}. */
    public static class Mapper implements ResponseExceptionMapper<ApiProblem> {

        @Override
        public ApiProblem toThrowable(Response response) {
            String type = null;
            String detail = null;
            List<Violation> violations = List.of();
            try {
                String text = response.readEntity(String.class);
                if (text != null && text.startsWith("{")) {
                    Body body = JSON.readValue(text, Body.class);
                    type = body.type();
                    detail = body.detail() != null ? body.detail() : body.title();
                    violations = body.violations();
                }
            } catch (Exception unreadable) {
                // not a problem document: the status says enough
            }
            return new ApiProblem(response.getStatus(), type, detail, violations);
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
