package org.acceso.notification.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The caller's choices per category: by e-mail, in the app, and (coordination notices only) the e-mails in one daily
 * digest instead of one by one. Legally significant notices ({@code alwaysSent}) are sent whatever the choice.
 */
public record Preferences(@NotNull(message = "is required") @NotEmpty(message = "names at least one category")
                          @Size(max = 20, message = "has too many entries") List<@Valid @NotNull(message = "is required") Choice> categories,
                          List<String> alwaysSent) {

    /** One category's choice. */
    public record Choice(
            @NotNull(message = "is required")
            @Pattern(regexp = "REQUEST_UPDATES|ASSIGNMENTS|DEADLINE_ALERTS|DIGESTS|COORDINATION",
                    message = "must be one of REQUEST_UPDATES, ASSIGNMENTS, DEADLINE_ALERTS, DIGESTS, COORDINATION")
            String category,
            @NotNull(message = "is required") Boolean email,
            @NotNull(message = "is required") Boolean inApp,
            Boolean dailyDigest) {

        /** Whether the e-mails go in the daily digest (absent: one by one). */
        public boolean digest() {
            return Boolean.TRUE.equals(dailyDigest);
        }
    }
}
