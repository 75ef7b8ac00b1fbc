package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.AgencyUpdated;

import java.time.Instant;

/** An agency of the catalogue as request-service last published it on the compacted {@code agency-events} topic. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "backup_email")
    public String backupEmail;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Stores the agency's state unless what is stored is newer (a replayed or reordered record changes nothing). */
    public static Agency upsert(AgencyUpdated updated) {
        Agency agency = findById(updated.code());
        if (agency == null) {
            agency = new Agency();
            agency.code = updated.code();
        } else if (agency.updatedAt != null && updated.updatedAt() != null && updated.updatedAt().isBefore(agency.updatedAt)) {
            return agency;
        }
        agency.name = updated.name() == null ? updated.code() : updated.name();
        agency.contactEmail = updated.contactEmail();
        agency.backupEmail = updated.backupEmail();
        agency.active = updated.active();
        agency.updatedAt = updated.updatedAt() == null ? Instant.EPOCH : updated.updatedAt();
        agency.persist();
        return agency;
    }
}
