package org.acceso.request.domain;

import java.util.Arrays;
import java.util.Optional;

/** The language of every notice sent to the requester. Spanish unless they chose otherwise. */
public enum Language {
    ES("es"), EN("en");

    public static final Language DEFAULT = ES;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
