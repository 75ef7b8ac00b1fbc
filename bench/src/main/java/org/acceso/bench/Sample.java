package org.acceso.bench;

/**
 * One HTTP call of a load ({@code n}: its running number): when it was sent, how long it took, and what came back ({@code status} -1: no answer, the
 * connection failed or timed out; {@code error} then says how).
 */
record Sample(long n, long sentEpochMs, long sentNanos, long latencyNanos, int status, String error, String body) {

    boolean answered() {
        return status > 0;
    }

    /** "201", "503", or "connection: ConnectException". */
    String outcome() {
        return answered() ? String.valueOf(status) : "connection: " + error;
    }
}
