package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.StaffMemberUpdated;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A clerk or coordinator as request-service last published them on the compacted {@code staff-events} topic (read from
 * Keycloak there): who coordinates, and the language each person's notices are written in. Never read from Keycloak here.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    private String userId;

    private String username;

    private String name;

    private String email;

    private String language;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(nullable = false)
    private boolean clerk;

    @Column(nullable = false)
    private boolean coordinator;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StaffMember() {
    }

    /** Stores the person's state unless what is stored is newer (a replayed or reordered record changes nothing). */
    public static void upsert(StaffMemberUpdated updated) {
        StaffMember member = findById(updated.userId());
        if (member == null) {
            member = new StaffMember();
            member.userId = updated.userId();
        } else if (member.updatedAt != null && updated.updatedAt() != null && updated.updatedAt().isBefore(member.updatedAt)) {
            return;
        }
        member.username = updated.username();
        member.name = updated.name();
        member.email = updated.email();
        member.language = updated.language();
        member.agencyCode = updated.agencyCode();
        member.clerk = updated.roles().contains("clerk");
        member.coordinator = updated.roles().contains("coordinator");
        member.active = updated.active();
        member.updatedAt = updated.updatedAt() == null ? Instant.EPOCH : updated.updatedAt();
        member.persist();
    }

    /** Every active coordinator, by user id. */
    public static List<StaffMember> coordinators() {
        return list("active = true and coordinator = true order by userId");
    }

    /** The language a person chose ({@code locale} in Keycloak), if they are known and chose one. */
    public static Optional<String> languageOf(String userId) {
        return userId == null ? Optional.empty()
                : StaffMember.<StaffMember>findByIdOptional(userId).map(m -> m.language);
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }
}
