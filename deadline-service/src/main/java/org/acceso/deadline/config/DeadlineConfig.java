package org.acceso.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.acceso.deadline.domain.DayUnit;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code deadline.*}: the jurisdiction's policy as data. Defaults are Rosario on Law 27.275's
 * numbers; another jurisdiction changes these values, not the code.
 */
@ConfigMapping(prefix = "deadline")
public interface DeadlineConfig {

    Policy policy();

    interface Policy {
        /** Names the jurisdiction and its calendar (rows of calendar_entry with this calendar). */
        @WithDefault("rosario")
        String jurisdiction();

        @WithDefault("America/Argentina/Cordoba")
        ZoneId zone();

        /** Days to answer. */
        @WithDefault("15")
        int responseDays();

        @WithDefault("BUSINESS")
        DayUnit dayUnit();

        /** Filings after this local time count as received on the next business day; none by default. */
        Optional<LocalTime> cutoff();

        /** Whether the administration closes on "días no laborables" (bridge days, Jueves Santo). */
        @WithDefault("true")
        boolean closesOnNonWorkingDays();
    }
}
