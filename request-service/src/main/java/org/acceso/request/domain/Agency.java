package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.acceso.contracts.AgencyUpdated;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An agency of the body (a secretariat, a directorate) that holds information and answers requests. Its code is
 * stable (tokens of its clerks carry it); an agency is deactivated, never deleted, because requests keep its code.
 */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "backup_email")
    public String backupEmail;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Agency create(String code, String name, String contactEmail, String backupEmail, boolean active, Instant at) {
        Agency agency = new Agency();
        agency.code = code;
        agency.change(name, contactEmail, backupEmail, active, at);
        return agency;
    }

    public AgencyUpdated change(String newName, String newContact, String newBackup, boolean isActive, Instant at) {
        name = newName;
        contactEmail = newContact;
        backupEmail = newBackup;
        active = isActive;
        updatedAt = at;
        return updated();
    }

    /** The agency's whole current state, as published on agency-events. */
    public AgencyUpdated updated() {
        return new AgencyUpdated(code, name, contactEmail, backupEmail, active, updatedAt);
    }

    public static Optional<Agency> active(String code) {
        return Agency.<Agency>findByIdOptional(code).filter(a -> a.active);
    }

    public static List<Agency> all() {
        return list("order by code");
    }
}
