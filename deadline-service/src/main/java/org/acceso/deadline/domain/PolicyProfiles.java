package org.acceso.deadline.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jurisdiction policies shipped as data: one properties resource per profile, {@code /policies/<name>.properties}.
 * Adding a jurisdiction is adding a file (and, for a new country, its holiday rules), never code.
 *
 * <p>Keys: {@code jurisdiction}, {@code law} (the law's name as people read it), {@code holidays.calendar}
 * ({@code acceso-argentina} or {@code jollyday:<CODE>}), {@code holidays.level} (subdivision path, comma-separated, may be empty), {@code closes-on-non-working-days},
 * {@code zone}, {@code response.days}, {@code response.unit} (BUSINESS|CALENDAR|MONTH), {@code cutoff} (HH:mm or
 * empty), {@code extension.days}, {@code extension.unit}, {@code extension.max}, {@code clarification}
 * (PAUSE|RESTART), {@code referral} (CONTINUE|RESTART), {@code referral.days}, {@code reminders} (business days,
 * comma-separated), {@code very-overdue.days}, {@code appeal.days}, {@code appeal.unit}.
 */
public final class PolicyProfiles {

    /** The profile used when configuration names none. */
    public static final String DEFAULT = "ar-rosario";

    /** Every profile shipped in {@code /policies}. */
    public static final List<String> SHIPPED = List.of(
            "ar-rosario", "ar-national", "ar-caba", "cl", "mx", "uy", "uk", "us", "es");

    private static final Map<String, DeadlinePolicy> LOADED = new ConcurrentHashMap<>();

    private PolicyProfiles() {
    }

    /** The named profile; throws {@link IllegalArgumentException} when there is no such resource or it is invalid. */
    public static DeadlinePolicy load(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No policy profile " + name
                + " (resource /policies/" + name + ".properties)"));
    }

    /** The named profile, if a resource exists for it. */
    public static Optional<DeadlinePolicy> find(String name) {
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        DeadlinePolicy cached = LOADED.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = PolicyProfiles.class.getResourceAsStream("/policies/" + name + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            DeadlinePolicy policy = parse(name, p);
            LOADED.put(name, policy);
            return Optional.of(policy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + name, e);
        }
    }

    /** Every shipped profile. */
    public static List<DeadlinePolicy> shipped() {
        return SHIPPED.stream().map(PolicyProfiles::load).toList();
    }

    static DeadlinePolicy parse(String name, Properties p) {
        String cutoff = p.getProperty("cutoff", "").strip();
        return new DeadlinePolicy(name,
                required(p, "jurisdiction"),
                required(p, "law"),
                new HolidayRules(required(p, "holidays.calendar"), list(p.getProperty("holidays.level", ""))),
                Boolean.parseBoolean(p.getProperty("closes-on-non-working-days", "true").strip()),
                ZoneId.of(required(p, "zone")),
                integer(p, "response.days"),
                unit(p, "response.unit"),
                cutoff.isEmpty() ? null : LocalTime.parse(cutoff),
                integer(p, "extension.days"),
                unit(p, "extension.unit"),
                integer(p, "extension.max"),
                ClarificationEffect.valueOf(required(p, "clarification").toUpperCase(Locale.ROOT)),
                ReferralEffect.valueOf(required(p, "referral").toUpperCase(Locale.ROOT)),
                integer(p, "referral.days"),
                list(required(p, "reminders")).stream().map(Integer::valueOf).toList(),
                integer(p, "very-overdue.days"),
                integer(p, "appeal.days"),
                unit(p, "appeal.unit"));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("policy lacks " + key);
        }
        return value.strip();
    }

    private static int integer(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static DayUnit unit(Properties p, String key) {
        return DayUnit.valueOf(required(p, key).toUpperCase(Locale.ROOT));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
