package org.acceso.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RosarioSeedTest {

    private static final String SEED = "/db/migration/V2__rosario_calendar_entries.sql";
    private static final Pattern ROW = Pattern.compile(
            "\\('(\\w+)', '(\\w+)', DATE '([\\d-]+)', DATE '([\\d-]+)', '([^']+)', '([^']*)', 'seed'\\)");

    @Test
    void shouldSeedExactlyTheBridgeDaysTheTestsUse() throws IOException {
        List<CalendarEntry> seeded = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        Matcher row = ROW.matcher(read(SEED));
        while (row.find()) {
            calendars.add(row.group(1));
            seeded.add(new CalendarEntry(EntryKind.valueOf(row.group(2)), LocalDate.parse(row.group(3)),
                    LocalDate.parse(row.group(4)), row.group(5), row.group(6)));
        }

        assertThat(calendars).hasSize(6).containsOnly("rosario");
        assertThat(seeded).containsExactlyElementsOf(RosarioFixtures.BRIDGE_DAYS);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RosarioSeedTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
