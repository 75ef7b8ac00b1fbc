package org.acceso.register.rest;

import org.acceso.problem.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The public API's query parameters, checked: anything else is a 400 naming the parameter, never a 5xx. */
final class Params {

    /** Control characters (NUL included: PostgreSQL refuses it in text) and lone surrogates. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Params() {
    }

    /** Free text: stripped, null when blank, at most {@code max} characters, nothing unprintable. */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw ProblemException.invalid(name, "must be at most " + max + " characters");
        }
        if (UNPRINTABLE.matcher(text).find()) {
            throw ProblemException.invalid(name, "must not contain control characters");
        }
        return text;
    }

    /** An agency code: letters, digits, - and _ (case kept). */
    static String code(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CODE.matcher(value.strip()).matches()) {
            throw ProblemException.invalid(name, "must be an agency code (letters, digits, - and _)");
        }
        return value.strip();
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid(name, "must be a date such as 2026-01-31");
        }
    }

    /** A whole number in [min, max]. */
    static int whole(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        if (number < min) {
            throw ProblemException.invalid(name, min == 0 ? "must not be negative" : "must be at least " + min);
        }
        if (number > max) {
            throw ProblemException.invalid(name, "must be at most " + max);
        }
        return number;
    }
}
