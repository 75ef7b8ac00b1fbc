package org.acceso.register.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a published request ended, in plain words (Spanish and English) for the public. */
public enum Outcome {
    GRANTED("Concedida: se entregó la información pedida", "Granted: the information asked for was released"),
    PARTIALLY_GRANTED("Concedida en parte: se entregó la información salvo lo exceptuado por ley",
            "Partly granted: the information was released except what the law exempts"),
    DENIED("Denegada por una excepción de la ley", "Denied on an exemption of the law"),
    NOT_HELD("La información no existe en el organismo", "The agency does not hold the information"),
    DEEMED_DENIED("Sin respuesta en el plazo legal: denegada por silencio",
            "No answer within the legal term: denied by silence");

    private final String spanish;
    private final String english;

    Outcome(String spanish, String english) {
        this.spanish = spanish;
        this.english = english;
    }

    public String spanish() {
        return spanish;
    }

    public String english() {
        return english;
    }

    public static Optional<Outcome> of(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.name().equals(code)).findFirst();
    }
}
