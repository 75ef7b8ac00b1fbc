package org.acceso.deadline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.RequestFiled;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.CalendarEntryRecord;
import org.acceso.deadline.domain.Deadline;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.JurisdictionCalendar;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.eventing.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Starts legal clocks. The clock, its first due-date line and DeadlineScheduled commit together. */
@ApplicationScoped
public class ClockService {

    private static final Logger LOG = Logger.getLogger(ClockService.class);

    private final DeadlineConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public ClockService(DeadlineConfig config, Outbox outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The policy in force, from configuration. */
    public DeadlinePolicy policy() {
        DeadlineConfig.Policy p = config.policy();
        return new DeadlinePolicy(p.jurisdiction(), p.zone(), p.responseDays(), p.dayUnit(), p.cutoff().orElse(null));
    }

    /** The jurisdiction's calendar: the holiday rules plus today's stored entries. */
    public JurisdictionCalendar calendar() {
        return JurisdictionCalendar.rosario(CalendarEntryRecord.entriesOf(config.policy().jurisdiction()),
                config.policy().closesOnNonWorkingDays());
    }

    /** Starts the clock of a filed request, once: a second call for the same request changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LegalClock> start(UUID requestId, RequestFiled filed) {
        if (LegalClock.findByIdOptional(requestId).isPresent()) {
            LOG.infof("Clock of %s already runs", filed.trackingNumber());
            return Optional.empty();
        }
        DeadlinePolicy policy = policy();
        Deadline deadline = DeadlineCalculator.schedule(calendar(), policy, filed.filedAt());
        Instant now = clock.instant();
        LegalClock started = LegalClock.start(requestId, filed.trackingNumber(), policy.jurisdiction(), filed.filedAt(),
                deadline, now);
        outbox.append(requestId, new DeadlineScheduled(filed.trackingNumber(),
                policy.jurisdiction(), filed.filedAt(), deadline.receivedOn(), deadline.dueOn(), deadline.dueAt(),
                policy.responseDays(), policy.dayUnit().name(), policy.zone().getId()));
        LOG.infof("Clock of %s started: received %s, due %s", filed.trackingNumber(), deadline.receivedOn(), deadline.dueOn());
        return Optional.of(started);
    }
}
