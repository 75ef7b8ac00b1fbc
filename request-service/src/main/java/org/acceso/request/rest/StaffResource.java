package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.request.domain.StaffMember;
import org.acceso.request.service.StaffDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The staff directory as Keycloak last listed it (clerks and coordinators), and a refresh on demand. Users and roles
 * are kept in Keycloak's own console; this only reads them.
 */
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Clerks and coordinators, read from Keycloak")
public class StaffResource {

    private final StaffDirectory directory;

    public StaffResource(StaffDirectory directory) {
        this.directory = directory;
    }

    /** One staff member: their roles, a clerk's agency, the language their notices are written in (null: the default). */
    public record MemberView(String userId, String username, String name, List<String> roles, String agencyCode,
                             String language) {
        static MemberView of(StaffMember member) {
            return new MemberView(member.userId(), member.username(), member.name(), member.roles(), member.agencyCode(),
                    member.language());
        }
    }

    /** The directory: when it was last read from Keycloak, the last attempt and its failure, and the active members. */
    public record DirectoryView(Instant refreshedAt, Instant attemptedAt, String failure, List<MemberView> members) {
    }

    @GET
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "The active clerks and coordinators as Keycloak last listed them, and when that was")
    public DirectoryView directory() {
        StaffDirectory.State state = directory.state();
        return new DirectoryView(state.refreshedAt(), state.attemptedAt(), state.failure(),
                StaffMember.activeMembers().stream().map(MemberView::of).toList());
    }

    @POST
    @Path("/refresh")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Read the staff directory from Keycloak now (for someone just added there)")
    @APIResponse(responseCode = "200", description = "Read: how many clerks and coordinators, how many changed")
    @APIResponse(responseCode = "503", description = "Keycloak could not be read; the directory as last read stays in force")
    public StaffDirectory.Refreshed refresh() {
        return directory.refresh();
    }
}
