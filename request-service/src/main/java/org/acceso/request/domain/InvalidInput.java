package org.acceso.request.domain;

/** Input that is well-formed but breaks a rule of the domain (a denial without grounds): a 400 naming the field. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
