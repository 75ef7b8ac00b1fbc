package org.acceso.web.view;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form and what was wrong with it: the values are shown again, each error next to its
 * field and in the summary at the top of the form, which links to the field ({@code #field}).
 */
@TemplateData
public class Form {

    /** An error: the field's id (null for the whole form) and the message in the page's language. */
    public record Error(String field, String message) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Error> errors = new ArrayList<>();
    private final String name;

    public Form(String name) {
        this.name = name;
    }

    /** Which form of the page this is (a page may hold several). */
    public String getName() {
        return name;
    }

    /** This form if it is the one named (the page shows its errors), otherwise null. */
    public Form ifNamed(String form) {
        return name.equals(form) ? this : null;
    }

    public Form value(String field, String value) {
        values.put(field, value);
        return this;
    }

    public String get(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    /** Whether a choice (option, radio, checkbox) was the one picked. */
    public boolean is(String field, String value) {
        String picked = values.get(field);
        if (picked == null || value == null) {
            return false;
        }
        for (String one : picked.split(",")) {
            if (one.equals(value)) {
                return true;
            }
        }
        return false;
    }

    public Form error(String field, String message) {
        errors.add(new Error(field, message));
        return this;
    }

    /** The first message of a field, or null. */
    public String errorOf(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(Error::message).findFirst().orElse(null);
    }

    public boolean hasError(String field) {
        return errorOf(field) != null;
    }

    public List<Error> getErrors() {
        return errors;
    }

    public boolean isHasErrors() {
        return !errors.isEmpty();
    }

    /** A blank required field gets {@code message}; returns the stripped value. */
    public String required(String field, String value, String message) {
        String stripped = value == null ? "" : value.strip();
        value(field, stripped);
        if (stripped.isEmpty()) {
            error(field, message);
        }
        return stripped;
    }

    /** A field over {@code max} characters gets {@code message}. */
    public void maxLength(String field, int max, String message) {
        if (get(field).length() > max) {
            error(field, message);
        }
    }
}
