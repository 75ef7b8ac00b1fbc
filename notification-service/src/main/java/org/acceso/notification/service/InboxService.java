package org.acceso.notification.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.notification.domain.Category;
import org.acceso.notification.domain.Channel;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.NotificationStatus;
import org.acceso.notification.domain.Preference;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people do with their notices: read their in-app feed and mark notices read, choose what they receive,
 * and (auditors, admins) read the delivery log and send a FAILED e-mail again.
 */
@ApplicationScoped
public class InboxService {

    private final Clock clock;

    public InboxService(Clock clock) {
        this.clock = clock;
    }

    /** A page of results and the total. */
    public record Slice<T>(List<T> items, long total) {
    }

    /** The user's in-app notices, newest first, with how many are unread. */
    @Transactional
    public Feed feed(String userId, int page, int size) {
        var query = Notification.find("channel = ?1 and recipientUserId = ?2", Sort.descending("id"), Channel.IN_APP, userId);
        List<Notification> items = query.page(Page.of(page, size)).list();
        long total = query.count();
        long unread = Notification.count("channel = ?1 and recipientUserId = ?2 and readAt is null", Channel.IN_APP, userId);
        return new Feed(items, total, unread);
    }

    public record Feed(List<Notification> items, long total, long unread) {
    }

    /** Every notice addressed to the user, by account or by e-mail, oldest first (Law 25.326, right of access). */
    @Transactional
    public List<Notification> addressedTo(String userId, String email) {
        if (email == null) {
            return Notification.list("recipientUserId = ?1", Sort.ascending("id"), userId);
        }
        return Notification.list("recipientUserId = ?1 or (channel = ?2 and lower(recipient) = lower(?3))",
                Sort.ascending("id"), userId, Channel.EMAIL, email);
    }

    /** Marks one of the user's own in-app notices read; empty when it is not theirs (or does not exist). */
    @Transactional
    public Optional<Notification> markRead(long id, String userId) {
        Notification notification = Notification.find("id = ?1 and channel = ?2 and recipientUserId = ?3",
                id, Channel.IN_APP, userId).firstResult();
        if (notification == null) {
            return Optional.empty();
        }
        notification.read(clock.instant());
        return Optional.of(notification);
    }

    @Transactional
    public List<Preference> preferences(String userId) {
        List<Preference> preferences = new ArrayList<>();
        for (Category category : Category.values()) {
            preferences.add(Preference.of(userId, category));
        }
        return preferences;
    }

    /** Stores the user's choices: e-mail, in-app, daily digest (categories not named keep theirs). */
    @Transactional
    public List<Preference> choose(String userId, Map<Category, boolean[]> choices) {
        Instant now = clock.instant();
        choices.forEach((category, choice) -> Preference.set(userId, category, choice[0], choice[1], choice[2], now));
        return preferences(userId);
    }

    /** The delivery log: every notice stored between {@code from} and {@code to} (either may be null), newest first. */
    @Transactional
    public Slice<Notification> log(NotificationStatus status, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (from != null) {
            where.append(" and createdAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.append(" and createdAt < :to");
            parameters.and("to", to);
        }
        var query = Notification.find(where.toString(), Sort.descending("createdAt", "id"), parameters);
        return new Slice<>(query.page(Page.of(page, size)).list(), query.count());
    }

    public enum RetryOutcome { RETRIED, NOT_FOUND, NOT_FAILED }

    /** Puts a FAILED e-mail back in the queue for a fresh series of attempts. */
    @Transactional
    public RetryOutcome retry(long id) {
        Notification notification = Notification.findById(id);
        if (notification == null) {
            return RetryOutcome.NOT_FOUND;
        }
        if (notification.status != NotificationStatus.FAILED) {
            return RetryOutcome.NOT_FAILED;
        }
        notification.retry(clock.instant());
        return RetryOutcome.RETRIED;
    }

    @Transactional
    public Optional<Notification> find(long id) {
        return Notification.findByIdOptional(id);
    }
}
