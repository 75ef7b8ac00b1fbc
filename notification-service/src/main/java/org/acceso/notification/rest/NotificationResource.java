package org.acceso.notification.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Category;
import org.acceso.notification.domain.NotificationStatus;
import org.acceso.notification.service.InboxService;
import org.acceso.notification.service.NoticeRules;
import org.acceso.notification.service.Rule;
import org.acceso.problem.Problem;
import org.acceso.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Notices through the API. Everyone signed in reads their own in-app feed (notices addressed to their user id:
 * a resident's about their requests, a clerk's about requests assigned to them) and keeps their preferences;
 * auditors, coordinators and admins read the delivery log (coordinators to reach a requester whose notice failed by
 * another way); admins send a FAILED e-mail again. Someone else's notice is a 404.
 */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private static final int DEFAULT_SIZE = 20;

    private final InboxService inbox;
    private final NotificationConfig config;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public NotificationResource(InboxService inbox, NotificationConfig config, JsonWebToken token, SecurityIdentity identity) {
        this.inbox = inbox;
        this.config = config;
        this.token = token;
        this.identity = identity;
    }

    @GET
    @Path("/mine")
    @Authenticated
    public FeedPage mine(@Valid @BeanParam FeedQuery query) {
        int page = number(query.page, 0);
        int size = number(query.size, DEFAULT_SIZE);
        InboxService.Feed feed = inbox.feed(subject(), page, size);
        return new FeedPage(feed.items().stream().map(FeedItem::of).toList(), page, size, feed.total(), feed.unread());
    }

    @POST
    @Path("/{id}/read")
    @Authenticated
    public FeedItem read(@PathParam("id") String id) {
        return parse(id).flatMap(n -> inbox.markRead(n, subject()))
                .map(FeedItem::of)
                .orElseThrow(() -> ProblemException.notFound("No notification " + id + " among yours"));
    }

    @GET
    @Path("/preferences")
    @Authenticated
    public Preferences preferences() {
        return view(inbox.preferences(subject()));
    }

    @PUT
    @Path("/preferences")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences choose(@Valid @NotNull(message = "a JSON body is required") Preferences body) {
        Map<Category, boolean[]> choices = new EnumMap<>(Category.class);
        for (Preferences.Choice c : body.categories()) {
            Category category = Category.valueOf(c.category());
            if (c.digest() && category != Category.COORDINATION) {
                throw ProblemException.invalid("categories.dailyDigest", "is offered for COORDINATION only");
            }
            choices.put(category, new boolean[]{c.email(), c.inApp(), c.digest()});
        }
        return view(inbox.choose(subject(), choices));
    }

    @GET
    @RolesAllowed({"auditor", "coordinator", "admin"})
    public Response log(@Valid @BeanParam LogQuery query, UriInfo uri) {
        ZoneId zone = ZoneId.of(config.digest().zone());
        Instant from;
        Instant to;
        try {
            from = query.from == null ? null : instant(query.from, zone, false);
        } catch (DateTimeException e) {
            return invalid(uri, "from", "is not a valid date or instant");
        }
        try {
            to = query.to == null ? null : instant(query.to, zone, true);
        } catch (DateTimeException e) {
            return invalid(uri, "to", "is not a valid date or instant");
        }
        if (from != null && to != null && to.isBefore(from)) {
            return invalid(uri, "to", "must not be before from");
        }
        int page = number(query.page, 0);
        int size = number(query.size, DEFAULT_SIZE);
        InboxService.Slice<org.acceso.notification.domain.Notification> slice = inbox.log(
                query.status == null ? null : NotificationStatus.valueOf(query.status), from, to, page, size);
        boolean seesRecipients = seesRecipients();
        return Response.ok(new LogPage(slice.items().stream().map(n -> LogEntry.of(n, seesRecipients)).toList(), page, size,
                slice.total())).build();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed("admin")
    public LogEntry retry(@PathParam("id") String id) {
        long number = parse(id).orElseThrow(() -> ProblemException.notFound("No notification " + id));
        return switch (inbox.retry(number)) {
            case NOT_FOUND -> throw ProblemException.notFound("No notification " + id);
            case NOT_FAILED -> throw new ProblemException(Response.Status.CONFLICT,
                    "Notification " + id + " has not failed: only a FAILED notification can be retried");
            case RETRIED -> inbox.find(number).map(n -> LogEntry.of(n, seesRecipients())).orElseThrow();
        };
    }

    /** Auditors and coordinators read requesters' contacts in request-service too; admins see them masked. */
    private boolean seesRecipients() {
        return identity.hasRole("auditor") || identity.hasRole("coordinator");
    }

    private static Response invalid(UriInfo uri, String field, String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE).entity(Problem.invalid("1 field is invalid",
                uri.getPath(), List.of(new Problem.Violation(field, message)))).build();
    }

    static Preferences view(List<org.acceso.notification.domain.Preference> preferences) {
        List<String> alwaysSent = NoticeRules.RULES.stream().filter(Rule::legal).map(Rule::kind).distinct().sorted().toList();
        return new Preferences(preferences.stream()
                .map(p -> new Preferences.Choice(p.category.name(), p.email, p.inApp, p.dailyDigest)).toList(), alwaysSent);
    }

    /** A date is its first instant in the digest zone ({@code to}: the day after, so the day is included). */
    private static Instant instant(String text, ZoneId zone, boolean end) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static int number(String text, int otherwise) {
        return text == null ? otherwise : Integer.parseInt(text);
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The token's stable subject; usernames can change, {@code sub} cannot. */
    private String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }
}
