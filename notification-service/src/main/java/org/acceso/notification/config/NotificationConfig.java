package org.acceso.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code notification.*} settings. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Mail mail();

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

        /** The body's closing line: who writes. */
        @WithDefault("Municipalidad de Rosario — Acceso a la información pública")
        String signature();
    }
}
