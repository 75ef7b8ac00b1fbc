package org.acceso.web.view;

import io.quarkus.qute.TemplateExtension;
import org.acceso.web.api.Policies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates, times and sizes as people read them, in the page's language ({@code {r.dueOn.longDate(ui.lang)}}). */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    private static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.UK : Locale.forLanguageTag("es-AR");
    }

    /** "lunes 21 de diciembre de 2026" / "Monday 21 December 2026". */
    static String longDate(LocalDate date, String lang) {
        if (date == null) {
            return "";
        }
        String pattern = "en".equals(lang) ? "EEEE d MMMM yyyy" : "EEEE d 'de' MMMM 'de' yyyy";
        return date.format(DateTimeFormatter.ofPattern(pattern, locale(lang)));
    }

    /** "21/12/2026" / "21/12/2026". */
    static String shortDate(LocalDate date, String lang) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale(lang)));
    }

    /** An instant as local date and time in the jurisdiction's zone (the policy in force's, {@link Policies#zone()}). */
    static String dateTime(Instant instant, String lang) {
        if (instant == null) {
            return "";
        }
        return instant.atZone(Policies.zone()).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(lang)));
    }

    static String dateTime(OffsetDateTime time, String lang) {
        return time == null ? "" : dateTime(time.toInstant(), lang);
    }

    /** The ISO date, for {@code <time datetime>}. */
    static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "1.2 MB". */
    static String bytes(Long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
    }
}
