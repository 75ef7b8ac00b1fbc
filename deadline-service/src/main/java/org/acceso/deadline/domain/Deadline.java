package org.acceso.deadline.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A scheduled response deadline: the request counts as received on {@code receivedOn} (day 0) and must be
 * answered by {@code dueAt}, the end (23:59:59 local time) of {@code dueOn}, its last counting day.
 */
public record Deadline(LocalDate receivedOn, LocalDate dueOn, OffsetDateTime dueAt) {

    public Deadline {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(dueAt, "dueAt");
        if (dueOn.isBefore(receivedOn)) {
            throw new IllegalArgumentException("dueOn " + dueOn + " is before receivedOn " + receivedOn);
        }
    }
}
