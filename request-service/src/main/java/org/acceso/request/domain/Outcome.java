package org.acceso.request.domain;

/** How a request was answered. Denials and partial grants must cite at least one exemption ground. */
public enum Outcome {
    GRANTED(false),
    PARTIALLY_GRANTED(true),
    DENIED(true),
    NOT_HELD(false);

    private final boolean needsGrounds;

    Outcome(boolean needsGrounds) {
        this.needsGrounds = needsGrounds;
    }

    /** Whether the answer withholds information and must say on which legal grounds. */
    public boolean needsGrounds() {
        return needsGrounds;
    }

    /** Whether the requester may appeal it (the reclamo is against withholding, partly or fully). */
    public boolean appealable() {
        return needsGrounds;
    }
}
