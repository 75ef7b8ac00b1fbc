package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.Person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A clerk or coordinator as last seen in their token: how a coordinator names a clerk to assign a request to, and
 * where that clerk's notices go. A clerk appears here once they have used Acceso; the identity provider stays the
 * source of truth.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String username;

    public String name;

    public String email;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public boolean clerk;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public Person person() {
        return new Person(userId, name, email);
    }

    /** A clerk of {@code agency} named by user id or user name. */
    public static Optional<StaffMember> clerkOf(String agency, String userIdOrName) {
        return StaffMember.<StaffMember>find("clerk = true and agencyCode = ?1 and (userId = ?2 or username = ?2)",
                agency, userIdOrName).firstResultOptional();
    }

    public static List<StaffMember> clerksOf(String agency) {
        return list("clerk = true and agencyCode = ?1 order by name, username", agency);
    }
}
