package org.acceso.notification.service;

import org.acceso.notification.domain.TrackedRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * What every template sees as {@code n}: the recipient, the request's facts as this service knows them, and
 * the words and dates of the recipient's language ("lunes 21 de diciembre de 2026"). The event itself is
 * {@code e}, its companion {@code c}.
 */
public final class Letter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String language;
    private final String name;
    private final TrackedRequest request;
    private final ZoneId zone;
    private final Words words;
    private final DateTimeFormatter dates;
    private final Function<String, String> agencyNames;
    private final String signature;
    private final String portal;

    Letter(String language, String name, TrackedRequest request, ZoneId zone, Function<String, String> agencyNames,
           String signature, String portal) {
        this.language = Languages.supported(language);
        this.name = name;
        this.request = request;
        this.zone = zone;
        this.words = Words.of(this.language);
        Locale locale = Languages.locale(this.language);
        this.dates = "es".equals(this.language)
                ? DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", locale)
                : DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale);
        this.agencyNames = agencyNames;
        this.signature = signature;
        this.portal = portal;
    }

    public String language() {
        return language;
    }

    /** The recipient's name, or null (templates then greet without it). */
    public String name() {
        return name;
    }

    public String trackingNumber() {
        return request == null ? null : request.trackingNumber;
    }

    /** The request's subject as the requester wrote it. */
    public String subject() {
        return request == null || request.subject == null ? "" : request.subject;
    }

    /** The day the request was filed, written out. */
    public String filedOn() {
        return request == null || request.filedAt == null ? "" : day(request.filedAt);
    }

    /** The unit the request's deadlines count in: BUSINESS or CALENDAR. */
    public String dayUnit() {
        return request == null || request.dayUnit == null ? "BUSINESS" : request.dayUnit;
    }

    /** The name of the agency holding the request now. */
    public String agencyName() {
        return request == null ? "" : agency(request.agencyCode);
    }

    /** The response deadline in force, written out with its time and zone; null while unknown or paused. */
    public String due() {
        return request == null || request.dueAt == null ? null : dateTime(request.dueAt.atZone(zone).toOffsetDateTime());
    }

    /** "15 días hábiles" / "15 business days", from the request's policy. */
    public String responseTerm() {
        return request == null || request.responseDays == null ? null : days(request.responseDays, request.dayUnit);
    }

    public String signature() {
        return signature;
    }

    /** Where the requester follows the request and downloads its documents. */
    public String portal() {
        return portal;
    }

    /** "lunes 21 de diciembre de 2026". */
    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** "lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)", in the request's zone. */
    public String dateTime(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        var local = time.atZoneSameInstant(zone);
        return dates.format(local) + ", " + TIME.format(local) + " (" + zone.getDisplayName(TextStyle.FULL,
                Languages.locale(language)) + ")";
    }

    /** The day of an instant, in the request's zone. */
    public String day(Instant instant) {
        return instant == null ? "" : dates.format(instant.atZone(zone));
    }

    /** An exemption ground in plain words. */
    public String ground(String code) {
        return words.word("ground", code);
    }

    public String outcome(String code) {
        return words.word("outcome", code);
    }

    /** The decision on an appeal, in plain words. */
    public String decision(String code) {
        return words.word("decision", code);
    }

    /** What an appeal was against (DENIED, PARTIALLY_GRANTED, DEEMED_DENIED), in plain words. */
    public String appealedAgainst(String code) {
        return words.word("against", code);
    }

    /** Why a date moved, in plain words. */
    public String cause(String code) {
        return words.word("cause", code);
    }

    /** How a request registered by staff arrived, in plain words ("en persona", "by post"). */
    public String channel(String code) {
        return words.word("channel", code);
    }

    /** "15 días hábiles", "1 business day". */
    public String days(int count, String unit) {
        String u = unit == null ? "BUSINESS" : unit;
        return count + " " + words.word("unit", u + (count == 1 ? ".one" : ".many"));
    }

    /** An agency's name from the catalogue, or its code when the catalogue does not know it. */
    public String agency(String code) {
        if (code == null) {
            return "";
        }
        String agencyName = agencyNames.apply(code);
        return agencyName != null ? agencyName : code;
    }
}
