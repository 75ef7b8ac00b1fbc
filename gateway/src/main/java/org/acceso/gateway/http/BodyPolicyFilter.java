package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.acceso.gateway.config.GatewayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request body may be, by path ({@code gateway.bodies}): its media type (415 problem otherwise)
 * and its size (413 problem). A declared {@code Content-Length} over the cap is refused before the body is
 * read; a body of unknown length is cut off while it streams to the service (see the proxy). Bodies on
 * paths that no rule covers are capped by {@code quarkus.http.limits.max-body-size}, any media type.
 */
@ApplicationScoped
public class BodyPolicyFilter {

    /** After the rate limit (80), above Quarkus' own upload limit route (order -2). */
    static final int PRIORITY = 50;

    private static final String KEY = BodyPolicyFilter.class.getName();

    /** One rule, its path patterns compiled. */
    record Rule(String name, List<Pattern> paths, int literalLength, long maxSize, List<String> mediaTypes) {

        boolean matches(String path) {
            return paths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
        }
    }

    private final List<Rule> rules;
    private final long fallbackLimit;

    public BodyPolicyFilter(GatewayConfig config,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                            MemorySize fallback) {
        this.rules = rules(config.bodies());
        this.fallbackLimit = fallback.asLongValue();
    }

    static List<Rule> rules(Map<String, GatewayConfig.BodyRule> config) {
        return config.entrySet().stream()
                .flatMap(entry -> entry.getValue().paths().stream().map(path -> new Rule(entry.getKey(),
                        List.of(compile(path)), path.replace("*", "").length(),
                        entry.getValue().maxSize().asLongValue(),
                        entry.getValue().mediaTypes().orElse(List.of()).stream()
                                .map(type -> type.trim().toLowerCase(Locale.ROOT)).toList())))
                .sorted(Comparator.comparingInt(Rule::literalLength).reversed().thenComparing(Rule::name))
                .toList();
    }

    /** {@code *} is one path segment, {@code **} anything that follows. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]+");
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = declared != null ? !declared.trim().equals("0") : rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            rc.next();
            return;
        }
        Optional<Rule> rule = rules.stream().filter(r -> r.matches(rc.normalizedPath())).findFirst();
        long limit = rule.map(Rule::maxSize).orElse(fallbackLimit);
        rc.put(KEY, limit);
        List<String> accepted = rule.map(Rule::mediaTypes).orElse(List.of());
        if (!accepted.isEmpty() && !accepted.contains(mediaType(rc.request().getHeader(HttpHeaders.CONTENT_TYPE)))) {
            Problems.send(rc, 415, "This path takes a body of type " + String.join(", ", accepted));
            return;
        }
        if (declared != null && tooLarge(declared, limit)) {
            refuse(rc, limit);
            return;
        }
        rc.next();
    }

    /** The body cap of an exchange. */
    public long limitOf(RoutingContext rc) {
        Long limit = rc.get(KEY);
        return limit != null ? limit : fallbackLimit;
    }

    /** Answers 413 and closes the connection afterwards, as the rest of the body is not wanted. */
    public static void refuse(RoutingContext rc, long limit) {
        if (rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            rc.addEndHandler(ended -> rc.request().connection().close());
        }
        Problems.send(rc, 413, "The request body is larger than the limit of " + limit + " bytes");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec has already refused a malformed Content-Length
        }
    }
}
