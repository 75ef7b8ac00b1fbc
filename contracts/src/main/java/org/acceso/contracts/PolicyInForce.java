package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * The jurisdiction policy new legal clocks start under, whole: announced by deadline-service when it starts (the
 * profile is chosen by its configuration), keyed by {@link PolicyEvent#KEY} on the compacted
 * {@link Topics#POLICY_EVENTS}, so a consumer reading from the start learns the policy in force. A clock keeps the
 * profile it started under; this says what holds for new requests. Units are {@code BUSINESS}, {@code CALENDAR} or
 * {@code MONTH} (whole months, e.g. Spain).
 *
 * @param profile         the profile's name ({@code ar-rosario}, {@code cl}, ...)
 * @param jurisdiction    the calendar's key ({@code rosario})
 * @param law             the law it applies, as its name is written ({@code Ley 27.275})
 * @param zone            the time zone in which days are counted and deadlines end
 * @param responseDays    the term to answer, in {@code dayUnit}
 * @param cutoff          a filing after this local time ({@code HH:mm}) counts as received the next business day; null
 *                        for none
 * @param extensionDays   what one extension adds, in {@code extensionUnit} (0 when none is allowed)
 * @param maxExtensions   how many extensions the law allows (0: none)
 * @param clarification   {@code PAUSE} (a request for clarification stops the clock) or {@code RESTART} (the term
 *                        starts again from the reply)
 * @param referral        {@code CONTINUE} or {@code RESTART}: what a referral to another agency does to the clock
 * @param referralDays    business days within which a body must refer a request it does not hold
 * @param reminderOffsets business days before the due date at which reminders go out
 * @param veryOverdueDays business days past due at which a request is very overdue
 * @param appealDays      the appeal window after a denial or silence, in {@code appealUnit}
 * @param announcedAt     when deadline-service announced it (a consumer keeps the latest); null in the body of a
 *                        profile read by name that is not in force
 */
@EventType("PolicyInForce")
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyInForce(
        String profile,
        String jurisdiction,
        String law,
        String zone,
        int responseDays,
        String dayUnit,
        String cutoff,
        int extensionDays,
        String extensionUnit,
        int maxExtensions,
        String clarification,
        String referral,
        int referralDays,
        List<Integer> reminderOffsets,
        int veryOverdueDays,
        int appealDays,
        String appealUnit,
        Instant announcedAt) implements PolicyEvent {

    public PolicyInForce {
        reminderOffsets = reminderOffsets == null ? List.of() : List.copyOf(reminderOffsets);
    }
}
