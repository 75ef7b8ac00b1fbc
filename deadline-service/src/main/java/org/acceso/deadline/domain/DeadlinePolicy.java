package org.acceso.deadline.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a jurisdiction runs its legal clock, as data (one resource per profile, see {@link PolicyProfiles}).
 *
 * @param profile                the profile's name, e.g. {@code ar-rosario}; stored on every clock it starts
 * @param jurisdiction           the calendar's key: hand entries are kept per jurisdiction
 * @param law                    the law the profile applies, as its name is written (shown to people, e.g. "Ley 27.275")
 * @param holidays               where rule-based holidays come from and at which level (country, subdivision)
 * @param closesOnNonWorkingDays whether offices close on días no laborables (bridge days, Jueves Santo)
 * @param zone                   the time zone in which days are counted and deadlines end
 * @param responseDays           the term to answer, in {@code dayUnit}
 * @param cutoff                 a filing after this local time is received on the next business day; null for none
 * @param extensionDays          days an extension adds, counted from the due date in force, in {@code extensionUnit}
 * @param maxExtensions          how many extensions the law allows (0: none)
 * @param clarification          whether a request for clarification pauses the clock or restarts it on the reply
 * @param referral               whether a referral to another agency of the body continues or restarts the clock
 * @param referralDays           business days within which a body must refer a request it does not hold
 * @param reminderOffsets        business days before the due date at which DeadlineApproaching is published
 * @param veryOverdueDays        business days after the due date at which DeadlineVeryOverdue is published
 * @param appealDays             the appeal window after a denial, partial grant or deemed denial, in {@code appealUnit}
 */
public record DeadlinePolicy(String profile, String jurisdiction, String law, HolidayRules holidays,
                             boolean closesOnNonWorkingDays, ZoneId zone, int responseDays, DayUnit dayUnit,
                             LocalTime cutoff, int extensionDays, DayUnit extensionUnit, int maxExtensions,
                             ClarificationEffect clarification, ReferralEffect referral, int referralDays,
                             List<Integer> reminderOffsets, int veryOverdueDays, int appealDays, DayUnit appealUnit) {

    public DeadlinePolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayUnit, "dayUnit");
        Objects.requireNonNull(extensionUnit, "extensionUnit");
        Objects.requireNonNull(clarification, "clarification");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(appealUnit, "appealUnit");
        reminderOffsets = reminderOffsets.stream().sorted(Comparator.reverseOrder()).distinct().toList();
        if (responseDays < 1) {
            throw new IllegalArgumentException("responseDays must be positive: " + responseDays);
        }
        if (extensionDays < 0 || maxExtensions < 0 || (maxExtensions > 0 && extensionDays == 0)) {
            throw new IllegalArgumentException("extension: " + maxExtensions + " x " + extensionDays + " days is not a policy");
        }
        if (referralDays < 0 || veryOverdueDays < 1 || appealDays < 1) {
            throw new IllegalArgumentException("referral, very-overdue and appeal days must be positive");
        }
        if (reminderOffsets.stream().anyMatch(offset -> offset < 1)) {
            throw new IllegalArgumentException("reminder offsets must be positive: " + reminderOffsets);
        }
    }

    /** The same policy with another cut-off time (null: none). */
    public DeadlinePolicy withCutoff(LocalTime newCutoff) {
        return new DeadlinePolicy(profile, jurisdiction, law, holidays, closesOnNonWorkingDays, zone, responseDays,
                dayUnit, newCutoff, extensionDays, extensionUnit, maxExtensions, clarification, referral, referralDays,
                reminderOffsets, veryOverdueDays, appealDays, appealUnit);
    }

    /** The same policy in another zone: a clock keeps the zone it was started under. */
    public DeadlinePolicy withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new DeadlinePolicy(profile, jurisdiction, law, holidays,
                closesOnNonWorkingDays, newZone, responseDays, dayUnit, cutoff, extensionDays, extensionUnit, maxExtensions,
                clarification, referral, referralDays, reminderOffsets, veryOverdueDays, appealDays, appealUnit);
    }
}
