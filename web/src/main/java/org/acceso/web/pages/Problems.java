package org.acceso.web.pages;

import org.acceso.web.api.ApiProblem;
import org.acceso.web.view.Form;
import org.acceso.web.view.Texts;

/** Puts what the API refused onto the form that sent it, in words a person can act on. */
final class Problems {

    private Problems() {
    }

    static void onto(Form form, ApiProblem problem, Texts texts) {
        if (!problem.violations().isEmpty()) {
            for (ApiProblem.Violation violation : problem.violations()) {
                form.error(violation.name().isEmpty() ? null : violation.name(), label(violation, texts));
            }
            return;
        }
        String key = switch (problem.status()) {
            case 401 -> "error_signed_out";
            case 403 -> "error_forbidden";
            case 404 -> "error_not_found";
            case 409 -> "error_conflict";
            case 413 -> "error_too_large";
            case 415 -> "error_file_type";
            case 429 -> "error_too_many";
            default -> problem.status() >= 500 ? "error_unavailable" : "error_refused";
        };
        String detail = problem.detail() == null ? "" : " (" + problem.detail() + ")";
        form.error(null, texts.get(key) + detail);
    }

    private static String label(ApiProblem.Violation violation, Texts texts) {
        return violation.name() + ": " + violation.message();
    }

    /** The status of the page that shows the refused form again. */
    static int formStatus(ApiProblem problem) {
        return problem.status() >= 500 ? 503 : problem.status() == 401 ? 400 : problem.status();
    }
}
