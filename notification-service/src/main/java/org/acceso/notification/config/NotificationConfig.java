package org.acceso.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code notification.*} settings. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Mail mail();

    Recipients recipients();

    Digest digest();

    interface Mail {
        /** Attempts before a notification is FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles after each further one. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How often the sender looks for notifications to send (a scheduler interval such as {@code 1s}). */
        @WithDefault("1s")
        String pollInterval();

        /** Notifications sent per run of the sender. */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a run keeps the e-mails it claimed before another may take them (a crashed instance's claims come
         * back after this). Longer than a batch takes to send, and than the two minutes a sent e-mail's outcome may
         * wait for the database to take its commit.
         */
        @WithDefault("PT5M")
        Duration lease();

        /** The body's closing line: who writes. */
        @WithDefault("Municipalidad de Rosario — Acceso a la información pública")
        String signature();

        /** Where people follow their requests (the web front through the gateway), named in the notices. */
        @WithDefault("http://127.0.0.1:8080")
        String portalUrl();
    }

    interface Recipients {
        /**
         * The transparency directorate's addresses (its auditors): they get the missed and very overdue alerts and
         * the directorate's daily digest. A configured list, not a directory lookup; see the README.
         */
        Optional<List<String>> auditors();

        /** The language of notices to staff (clerks, agency inboxes, auditors), whose language no event carries. */
        @WithDefault("es")
        String staffLanguage();
    }

    interface Digest {
        /** How often to check whether today's digests are due ({@code off} disables the check). */
        @WithDefault("1m")
        String checkEvery();

        /** The local hour (0–23) from which the day's digests go out. */
        @WithDefault("8")
        int hour();

        /** The zone of that hour and of "today". */
        @WithDefault("America/Argentina/Cordoba")
        String zone();

        /** "Due soon": due within this many calendar days from today. */
        @WithDefault("5")
        int dueSoonDays();

        /** At most this many requests are listed per section (the counts are always complete). */
        @WithDefault("50")
        int listLimit();
    }
}
