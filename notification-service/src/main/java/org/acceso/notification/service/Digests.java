package org.acceso.notification.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.domain.Category;
import org.acceso.notification.domain.Channel;
import org.acceso.notification.domain.DigestEntry;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.RequestState;
import org.acceso.notification.domain.TrackedRequest;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily digests: one per agency with open requests (open, due within a few days, overdue), to the agency's
 * contact; one for the directorate (every agency's figures and the overdue requests), to the auditors; and one per
 * coordinator who chose to get coordination notices in a digest (the notices kept for them since their last one,
 * {@link DigestEntry}). They go out once per local day from the configured hour: each digest's {@code digest_run}
 * row (unique per digest and day) is written in the transaction that stores its notices, so a second instance or a
 * restart sends nothing more that day. Figures come from what this service learned from events (the tracked requests), never from
 * another service's database. "Due soon" counts calendar days.
 */
@ApplicationScoped
public class Digests {

    public static final String AGENCY_KIND = "digest_agency";
    public static final String DIRECTORATE_KIND = "digest_directorate";
    public static final String COORDINATION_KIND = "digest_coordination";
    static final String AGENCY_DIGEST = "AGENCY";
    static final String DIRECTORATE_DIGEST = "DIRECTORATE";
    static final String COORDINATION_DIGEST = "COORDINATION";

    private static final Logger LOG = Logger.getLogger(Digests.class);

    private final NotificationService notifications;
    private final NoticeWriter writer;
    private final Recipients recipients;
    private final NotificationConfig config;
    private final Clock clock;

    public Digests(NotificationService notifications, NoticeWriter writer, Recipients recipients, NotificationConfig config,
                   Clock clock) {
        this.notifications = notifications;
        this.writer = writer;
        this.recipients = recipients;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${notification.digest.check-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        runDue();
    }

    /** Sends today's digests if their hour has come and nobody sent them yet; returns how many digests ran now. */
    public int runDue() {
        ZonedDateTime now = clock.instant().atZone(zone());
        if (now.getHour() < config.digest().hour()) {
            return 0;
        }
        LocalDate day = now.toLocalDate();
        int ran = 0;
        ran += QuarkusTransaction.requiringNew().call(() -> agencyDigests(day) ? 1 : 0);
        ran += QuarkusTransaction.requiringNew().call(() -> directorateDigest(day) ? 1 : 0);
        ran += QuarkusTransaction.requiringNew().call(() -> coordinationDigests(day) ? 1 : 0);
        return ran;
    }

    /** The agencies' digests of {@code day}, unless they already ran. */
    boolean agencyDigests(LocalDate day) {
        if (!claim(AGENCY_DIGEST, day)) {
            return false;
        }
        int sent = 0;
        for (AgencyDigest digest : figures(day).values()) {
            Agency agency = Agency.findById(digest.code());
            if (agency == null || agency.contactEmail == null || agency.contactEmail.isBlank()) {
                LOG.warnf("No digest for agency %s: no contact address in the catalogue", digest.code());
                continue;
            }
            store(AGENCY_KIND, AGENCY_DIGEST + "/" + digest.code() + "/" + day, agency.contactEmail, agency.name,
                    recipients.staffLanguage(), Map.of("d", digest), Category.DIGESTS);
            sent++;
        }
        LOG.infof("Agency digests of %s: %d stored", day, sent);
        return true;
    }

    /** The directorate's digest of {@code day}, unless it already ran. Sent even when nothing is overdue. */
    boolean directorateDigest(LocalDate day) {
        if (!claim(DIRECTORATE_DIGEST, day)) {
            return false;
        }
        List<AgencyDigest> agencies = List.copyOf(figures(day).values());
        DirectorateDigest digest = new DirectorateDigest(written(day), agencies,
                agencies.stream().mapToLong(AgencyDigest::open).sum(),
                agencies.stream().mapToLong(AgencyDigest::dueSoonCount).sum(),
                agencies.stream().mapToLong(AgencyDigest::overdueCount).sum(),
                lines(OVERDUE + " order by t.dueOn, t.trackingNumber", null, day), config.digest().dueSoonDays());
        for (Recipients.Recipient auditor : recipients.auditorList()) {
            store(DIRECTORATE_KIND, DIRECTORATE_DIGEST + "/" + day, auditor.email(), null, auditor.language(),
                    Map.of("d", digest), Category.DIGESTS);
        }
        LOG.infof("Directorate digest of %s stored for %d auditor(s)", day, recipients.auditorList().size());
        return true;
    }

    /**
     * Each coordinator's digest of {@code day}: the coordination notices kept for them since their last digest, unless
     * today's ran already. Nothing is sent to someone with nothing kept. Each kept notice is marked with the digest
     * that carries it, in the digest's transaction.
     */
    boolean coordinationDigests(LocalDate day) {
        if (!claim(COORDINATION_DIGEST, day)) {
            return false;
        }
        Map<String, List<DigestEntry>> byRecipient = new LinkedHashMap<>();
        for (DigestEntry entry : DigestEntry.waiting()) {
            byRecipient.computeIfAbsent(entry.recipientUserId(), id -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<String, List<DigestEntry>> kept : byRecipient.entrySet()) {
            List<DigestEntry> entries = kept.getValue();
            DigestEntry latest = entries.get(entries.size() - 1); // the address and language as they were last
            Letter letter = notifications.letter(latest.language(), null, null);
            CoordinationDigest digest = new CoordinationDigest(letter.date(day), entries.stream()
                    .map(e -> new CoordinationDigest.Line(e.subject(), letter.day(e.createdAt())))
                    .toList());
            Notification notification = store(COORDINATION_KIND, COORDINATION_DIGEST + "/" + kept.getKey() + "/" + day,
                    latest.recipientEmail(), latest.recipientName(), latest.language(), Map.of("d", digest),
                    Category.COORDINATION);
            if (notification != null) {
                entries.forEach(entry -> entry.carriedBy(notification.id));
            }
        }
        LOG.infof("Coordination digests of %s: %d stored", day, byRecipient.size());
        return true;
    }

    /** Takes today's run of a digest; false when an instance already took it. Blocks until a concurrent taker commits. */
    private static boolean claim(String digest, LocalDate day) {
        return Panache.getEntityManager()
                .createNativeQuery("INSERT INTO digest_run (digest, day, ran_at) VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, digest)
                .setParameter(2, day)
                .executeUpdate() == 1;
    }

    /** Requests past their deadline without an answer. */
    private static final String OVERDUE = "(t.state = :overdue or (t.state = :open and t.dueAt < :now))";
    /** Requests due within the next days (and not yet past due). */
    private static final String DUE_SOON = "t.state = :open and t.dueAt >= :now and t.dueOn <= :soon";

    /**
     * Each agency with open or overdue requests: the counts (one grouped query) and the first lines of each list
     * (one bounded query per list), by agency code. The day's figures never load every open request.
     */
    Map<String, AgencyDigest> figures(LocalDate day) {
        EntityManager em = Panache.getEntityManager();
        List<Object[]> counts = em.createQuery("select t.agencyCode, "
                        + "sum(case when t.state = :open then 1 else 0 end), "
                        + "sum(case when " + DUE_SOON + " then 1 else 0 end), "
                        + "sum(case when " + OVERDUE + " then 1 else 0 end) "
                        + "from TrackedRequest t where t.agencyCode is not null and t.state in (:open, :overdue) "
                        + "group by t.agencyCode order by t.agencyCode", Object[].class)
                .setParameter("open", RequestState.OPEN)
                .setParameter("overdue", RequestState.OVERDUE)
                .setParameter("now", clock.instant())
                .setParameter("soon", day.plusDays(config.digest().dueSoonDays()))
                .getResultList();
        Map<String, AgencyDigest> digests = new LinkedHashMap<>();
        for (Object[] row : counts) {
            String code = (String) row[0];
            String name = NotificationService.agencyName(code);
            long dueSoon = ((Number) row[2]).longValue();
            long overdue = ((Number) row[3]).longValue();
            digests.put(code, new AgencyDigest(code, name != null ? name : code, written(day), ((Number) row[1]).longValue(),
                    dueSoon, overdue,
                    dueSoon == 0 ? List.of() : lines(DUE_SOON + " and t.agencyCode = :agency order by t.dueOn, t.trackingNumber", code, day),
                    overdue == 0 ? List.of() : lines(OVERDUE + " and t.agencyCode = :agency order by t.dueOn, t.trackingNumber", code, day),
                    config.digest().dueSoonDays()));
        }
        return digests;
    }

    /** The first {@code list-limit} requests matching {@code where} (of one agency, or of all when {@code agency} is null). */
    private List<DigestLine> lines(String where, String agency, LocalDate day) {
        var query = Panache.getEntityManager()
                .createQuery("select t from TrackedRequest t where " + where, TrackedRequest.class)
                .setParameter("open", RequestState.OPEN)
                .setParameter("now", clock.instant());
        if (where.contains(":overdue")) {
            query.setParameter("overdue", RequestState.OVERDUE);
        }
        if (where.contains(":soon")) {
            query.setParameter("soon", day.plusDays(config.digest().dueSoonDays()));
        }
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        Letter letter = notifications.letter(recipients.staffLanguage(), null, null);
        return query.setMaxResults(config.digest().listLimit()).getResultList().stream()
                .map(r -> {
                    String name = NotificationService.agencyName(r.agencyCode);
                    long daysOverdue = r.dueOn == null || !r.dueOn.isBefore(day) ? 0 : ChronoUnit.DAYS.between(r.dueOn, day);
                    return new DigestLine(r.trackingNumber, r.subject == null ? "" : r.subject,
                            name != null ? name : r.agencyCode, letter.date(r.dueOn), daysOverdue);
                })
                .toList();
    }

    private String written(LocalDate day) {
        return notifications.letter(recipients.staffLanguage(), null, null).date(day);
    }

    /** Stores one digest e-mail; null when it was stored before. */
    private Notification store(String kind, String key, String address, String name, String language,
                               Map<String, Object> data, Category category) {
        UUID eventId = UUID.nameUUIDFromBytes(("digest/" + key).getBytes(StandardCharsets.UTF_8));
        if (NotificationService.exists(eventId, address, Channel.EMAIL)) {
            return null;
        }
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.put("n", notifications.letter(language, name, null));
        NoticeWriter.Written written = writer.write(kind, language, all);
        Notification notification = notifications.newNotification(eventId, address, Channel.EMAIL, kind, written);
        notification.category = category;
        notification.legal = false;
        notification.language = Languages.supported(language);
        notifications.save(notification);
        return notification;
    }

    private ZoneId zone() {
        return ZoneId.of(config.digest().zone());
    }
}
