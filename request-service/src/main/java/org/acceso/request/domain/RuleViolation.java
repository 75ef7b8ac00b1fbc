package org.acceso.request.domain;

/**
 * A move the status allows but the law or the policy does not, in this case: a second extension, an extension after
 * the deadline passed, an appeal after its window closed or against a full grant. Answered with 409.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
