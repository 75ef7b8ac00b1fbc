package org.acceso.notification.service;

import java.util.List;

/**
 * One coordinator's daily digest: the coordination notices (new requests no agency holds, appeals filed) kept for
 * them since their last digest, each by its subject as written in their language.
 *
 * @param written the digest's day, written out
 */
public record CoordinationDigest(String written, List<Line> lines) {

    /** One notice of the digest: its subject and the day it was kept. */
    public record Line(String subject, String day) {
    }
}
