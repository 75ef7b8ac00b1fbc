package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.Person;
import org.acceso.contracts.StaffMemberUpdated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A clerk or coordinator as Keycloak last listed them (the members of the realm roles {@code clerk} and
 * {@code coordinator}): whom a coordinator can assign a request to, in which agency, and how to write to them. Keycloak
 * is the source of truth; this is its last copy, so assignments to known staff go on while Keycloak is away. Someone who
 * left (role taken away, account disabled or deleted) stays as an inactive row.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(nullable = false)
    private String username;

    private String name;

    private String email;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(nullable = false)
    private boolean clerk;

    @Column(nullable = false)
    private boolean coordinator;

    private String language;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected StaffMember() {
    }

    /**
     * What Keycloak says of one staff member now.
     *
     * @param agencyCode the {@code agency} user attribute (a clerk's agency)
     * @param language   the {@code locale} user attribute, null when they chose none
     */
    public record Listing(String userId, String username, String name, String email, String language,
                          String agencyCode, boolean clerk, boolean coordinator) {
    }

    /** Someone Keycloak lists for the first time: the event that announces them. */
    public static StaffMemberUpdated first(Listing listing, Instant now) {
        StaffMember member = new StaffMember();
        member.userId = listing.userId();
        member.take(listing, now);
        member.persist();
        return member.updated();
    }

    /** Takes what Keycloak says now; the event to publish when anything changed (a returning member included). */
    public Optional<StaffMemberUpdated> sync(Listing listing, Instant now) {
        boolean same = active && Objects.equals(username, listing.username()) && Objects.equals(name, listing.name())
                && Objects.equals(email, listing.email()) && Objects.equals(language, listing.language())
                && Objects.equals(agencyCode, listing.agencyCode()) && clerk == listing.clerk()
                && coordinator == listing.coordinator();
        syncedAt = now;
        if (same) {
            return Optional.empty();
        }
        take(listing, now);
        return Optional.of(updated());
    }

    /** Keycloak no longer lists them as staff; the event that says so, unless they had already left. */
    public Optional<StaffMemberUpdated> retire(Instant now) {
        if (!active) {
            return Optional.empty();
        }
        active = false;
        clerk = false;
        coordinator = false;
        syncedAt = now;
        return Optional.of(updated());
    }

    private void take(Listing listing, Instant now) {
        username = listing.username();
        name = listing.name();
        email = listing.email();
        language = listing.language();
        agencyCode = listing.agencyCode();
        clerk = listing.clerk();
        coordinator = listing.coordinator();
        active = true;
        syncedAt = now;
    }

    /** Their whole current state, as published on staff-events. */
    public StaffMemberUpdated updated() {
        return new StaffMemberUpdated(userId, username, name, email, language, roles(), agencyCode, active, syncedAt);
    }

    /** The Acceso roles that make them staff. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        if (clerk) {
            roles.add(Role.CLERK.tokenName());
        }
        if (coordinator) {
            roles.add(Role.COORDINATOR.tokenName());
        }
        return roles;
    }

    /** Where their notices go, in their language. */
    public Person person() {
        return new Person(userId, name, email, language);
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String language() {
        return language;
    }

    public boolean isActive() {
        return active;
    }

    /** An active clerk of {@code agency} named by user id or user name. */
    public static Optional<StaffMember> clerkOf(String agency, String userIdOrName) {
        return StaffMember.<StaffMember>find("active = true and clerk = true and agencyCode = ?1 and (userId = ?2 or username = ?2)",
                agency, userIdOrName).firstResultOptional();
    }

    /** An active staff member by user id. */
    public static Optional<StaffMember> active(String userId) {
        return StaffMember.<StaffMember>find("active = true and userId = ?1", userId).firstResultOptional();
    }

    public static List<StaffMember> clerksOf(String agency) {
        return list("active = true and clerk = true and agencyCode = ?1 order by name, username", agency);
    }

    /** Every active staff member, by name. */
    public static List<StaffMember> activeMembers() {
        return list("active = true order by name, username");
    }
}
