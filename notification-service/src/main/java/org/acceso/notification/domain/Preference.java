package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a user wants a category of (not legally significant) notices by e-mail and in the app, and whether its e-mails
 * go one by one or in a daily digest. Absent = both channels, one by one.
 */
@Entity
@Table(name = "notification_preference")
@IdClass(Preference.Key.class)
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(nullable = false)
    public boolean email;

    @Column(name = "in_app", nullable = false)
    public boolean inApp;

    /** The category's e-mails go in one daily digest instead of one by one (only for {@link Category#COORDINATION}). */
    @Column(name = "daily_digest", nullable = false)
    public boolean dailyDigest;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The user's choice for a category, or the default (everything on). */
    public static Preference of(String userId, Category category) {
        Preference stored = findById(new Key(userId, category));
        if (stored != null) {
            return stored;
        }
        Preference preference = new Preference();
        preference.userId = userId;
        preference.category = category;
        preference.email = true;
        preference.inApp = true;
        return preference;
    }

    public static void set(String userId, Category category, boolean email, boolean inApp, boolean dailyDigest, Instant at) {
        Preference preference = findById(new Key(userId, category));
        if (preference == null) {
            preference = new Preference();
            preference.userId = userId;
            preference.category = category;
        }
        preference.email = email;
        preference.inApp = inApp;
        preference.dailyDigest = dailyDigest;
        preference.updatedAt = at;
        preference.persist();
    }

    public boolean wants(Channel channel) {
        return channel == Channel.EMAIL ? email : inApp;
    }

    /** The composite key (user, category). */
    public static class Key implements Serializable {
        public String userId;
        public Category category;

        public Key() {
        }

        public Key(String userId, Category category) {
            this.userId = userId;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && category == k.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, category);
        }
    }
}
