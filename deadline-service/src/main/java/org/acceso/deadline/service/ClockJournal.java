package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.deadline.domain.DueDateChange;
import org.acceso.eventing.Outbox;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes what clock moves caused, in the caller's transaction: one due-date history line per event that changes a
 * date, and every event to the outbox. Both with JDBC batches, so a sweep or a recomputation of thousands of clocks
 * costs a few round trips, not thousands.
 */
@ApplicationScoped
public class ClockJournal {

    private final Outbox outbox;
    private final Clock clock;

    public ClockJournal(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The events of one clock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(UUID requestId, List<? extends DeadlineEvent> events) {
        List<Outbox.RequestScoped> scoped = new ArrayList<>();
        events.forEach(event -> scoped.add(new Outbox.RequestScoped(requestId, event)));
        write(scoped);
    }

    /** Events of many clocks, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Outbox.RequestScoped> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<DueDateChange> lines = new ArrayList<>();
        for (Outbox.RequestScoped scoped : events) {
            DueDateChange.of(scoped.requestId(), scoped.event(), now).ifPresent(lines::add);
        }
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush();
        if (!lines.isEmpty()) {
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO due_date_change "
                        + "(request_id, clock, status, old_due_on, new_due_on, cause, instrument, detail, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (DueDateChange line : lines) {
                        insert.setObject(1, line.requestId);
                        insert.setString(2, line.clock);
                        insert.setString(3, line.status);
                        setDate(insert, 4, line.oldDueOn);
                        setDate(insert, 5, line.newDueOn);
                        insert.setString(6, line.cause);
                        insert.setString(7, line.instrument);
                        insert.setString(8, line.detail);
                        insert.setTimestamp(9, Timestamp.from(line.changedAt));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot write " + lines.size() + " due-date history lines", e);
                }
            });
        }
        outbox.appendAll(events);
    }

    private static void setDate(PreparedStatement statement, int index, java.time.LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }
}
