package org.acceso.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.acceso.contracts.RequestEvent;
import org.acceso.eventing.Outbox;
import org.acceso.problem.Problem;
import org.acceso.problem.ProblemException;
import org.acceso.request.config.StrictJson;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.Outcome;
import org.acceso.request.domain.RequestHistory;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.domain.Role;
import org.jboss.logging.Logger;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Brings in requests filed before Acceso existed, with their original filing instant, status and agency: how a city
 * moves in. All or nothing: every line is checked first and any problem refuses the whole file with the line numbers.
 * Each imported request emits RequestFiled with {@code imported: true} and its real {@code filedAt} (so its clock
 * counts from the true date), then the events of the status it had.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    public static final int MAX_LINES = 10_000;
    private static final Set<String> IMPORTABLE = Set.of("RECEIVED", "ASSIGNED", "ANSWERED", "WITHDRAWN");
    private static final String FROM_REGISTER = "Imported from the earlier register";

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(StrictJson.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final CsvMapper csv = new CsvMapper();
    private final Validator validator;
    private final TrackingNumbers trackingNumbers;
    private final ExemptionGrounds grounds;
    private final Outbox outbox;
    private final Clock clock;

    public ImportService(Validator validator, TrackingNumbers trackingNumbers, ExemptionGrounds grounds, Outbox outbox,
                         Clock clock) {
        this.validator = validator;
        this.trackingNumbers = trackingNumbers;
        this.grounds = grounds;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Imported(int line, UUID id, String trackingNumber, String status) {
    }

    /** Reads JSON lines (one object per line; blank lines skipped). */
    public List<ImportLine> readJsonLines(String body) {
        List<ImportLine> lines = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        String[] rows = body.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            try {
                ImportLine line = json.readValue(rows[i], ImportLine.class);
                lines.add(line == null ? null : line.numbered(i + 1));
            } catch (JsonProcessingException e) {
                violations.add(new Problem.Violation("line " + (i + 1), unreadable(e)));
            }
            checkCount(lines.size() + violations.size());
        }
        refuseIf(violations);
        return lines;
    }

    /** Reads CSV with a header row naming the fields of {@link ImportLine}; {@code grounds} separated by {@code ;}. */
    public List<ImportLine> readCsv(String body) {
        List<ImportLine> lines = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class).with(schema).readValues(body)) {
            int line = 1;
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row = rows.nextValue();
                try {
                    lines.add(fromCsv(row).numbered(line));
                } catch (IllegalArgumentException e) {
                    violations.add(new Problem.Violation("line " + line, e.getMessage()));
                }
                checkCount(lines.size() + violations.size());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("The body is not readable CSV with a header row");
        }
        refuseIf(violations);
        return lines;
    }

    private ImportLine fromCsv(Map<String, String> row) {
        Set<String> unknown = new HashSet<>(row.keySet());
        unknown.removeAll(ImportLine.FIELDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown column(s) " + new java.util.TreeSet<>(unknown));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(key, "grounds".equals(key) ? Arrays.stream(value.split(";")).map(String::strip).toList() : value);
            }
        });
        try {
            return json.convertValue(values, ImportLine.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getCause() instanceof JsonProcessingException p ? unreadable(p)
                    : "has a value of the wrong type");
        }
    }

    /** Checks every line, then imports all of them in one transaction, or none. */
    @Transactional
    public List<Imported> importAll(Actor admin, List<ImportLine> lines) {
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("The file holds no request");
        }
        Instant now = clock.instant();
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (ImportLine line : lines) {
            if (line == null) {
                continue;
            }
            String at = "line " + line.line();
            validator.validate(line).forEach(v -> violations.add(new Problem.Violation(at + "." + v.getPropertyPath(), v.getMessage())));
            rules(line, now).forEach(message -> violations.add(new Problem.Violation(at, message)));
            if (line.trackingNumber() != null && (!numbers.add(line.trackingNumber())
                    || InformationRequest.count("trackingNumber", line.trackingNumber()) > 0)) {
                violations.add(new Problem.Violation(at + ".trackingNumber", "already exists"));
            }
        }
        if (lines.contains(null)) {
            violations.add(new Problem.Violation("body", "has a line that is not a JSON object"));
        }
        refuseIf(violations);
        List<Imported> imported = new ArrayList<>();
        for (ImportLine line : lines) {
            imported.add(importOne(admin, line));
        }
        LOG.infof("Imported %d request(s) by %s", imported.size(), admin.username());
        return imported;
    }

    private List<String> rules(ImportLine line, Instant now) {
        List<String> broken = new ArrayList<>();
        if (line.filedAt() != null && line.filedAt().isAfter(now)) {
            broken.add("filedAt is in the future");
        }
        String status = line.status();
        if (status != null && !IMPORTABLE.contains(status)) {
            broken.add("status must be one of RECEIVED, ASSIGNED, ANSWERED, WITHDRAWN");
        }
        if (line.agencyCode() != null && Agency.findById(line.agencyCode()) == null) {
            broken.add("agencyCode names no agency of the catalogue");
        }
        if (("ASSIGNED".equals(status) || "ANSWERED".equals(status)) && line.agencyCode() == null) {
            broken.add("a request " + status + " needs its agencyCode");
        }
        if ("ANSWERED".equals(status)) {
            Outcome outcome = line.outcome() == null ? null
                    : Arrays.stream(Outcome.values()).filter(o -> o.name().equals(line.outcome())).findFirst().orElse(null);
            if (outcome == null) {
                broken.add("an ANSWERED request needs outcome GRANTED, PARTIALLY_GRANTED, DENIED or NOT_HELD");
            } else if (outcome.needsGrounds() == line.groundsOrEmpty().isEmpty()) {
                broken.add(outcome.needsGrounds() ? outcome + " needs at least one exemption ground"
                        : outcome + " cites no exemption ground");
            }
            line.groundsOrEmpty().stream().filter(g -> !grounds.isKnown(g)).findFirst()
                    .ifPresent(g -> broken.add("grounds has an unknown exemption ground"));
            if (line.answeredAt() == null) {
                broken.add("an ANSWERED request needs answeredAt");
            }
        } else if (line.outcome() != null || line.answeredAt() != null || !line.groundsOrEmpty().isEmpty()) {
            broken.add("outcome, grounds and answeredAt belong to ANSWERED requests only");
        }
        if ("WITHDRAWN".equals(status) && line.withdrawnAt() == null) {
            broken.add("a WITHDRAWN request needs withdrawnAt");
        }
        checkTime(broken, "answeredAt", line.answeredAt(), line.filedAt(), now);
        checkTime(broken, "withdrawnAt", line.withdrawnAt(), line.filedAt(), now);
        return broken;
    }

    private static void checkTime(List<String> broken, String field, Instant value, Instant filedAt, Instant now) {
        if (value != null && ((filedAt != null && value.isBefore(filedAt)) || value.isAfter(now))) {
            broken.add(field + " must lie between filedAt and now");
        }
    }

    private Imported importOne(Actor admin, ImportLine line) {
        Instant now = clock.instant();
        String number = line.trackingNumber();
        if (number != null) {
            trackingNumbers.reserve(number);
        } else {
            number = trackingNumbers.next(line.filedAt());
        }
        Language language = line.language() == null ? Language.DEFAULT : Language.fromCode(line.language()).orElseThrow();
        String requesterId = line.requesterUserId() != null ? line.requesterUserId() : "imported:" + number;
        InformationRequest request = InformationRequest.imported(UUID.randomUUID(), number, requesterId,
                line.requesterName(), line.requesterEmail(), line.subject(), line.description(), line.agencyCode(),
                language, line.filedAt());
        request.persist();
        RequestHistory.record(request, "import", null, admin, Role.ADMIN, FROM_REGISTER + " (filed " + line.filedAt() + ")", now);
        outbox.append(request.id, request.filed());
        if ("ASSIGNED".equals(line.status()) || "ANSWERED".equals(line.status())) {
            step(request, admin, Move.ASSIGN, now, r -> r.assign(line.agencyCode(), null, line.filedAt()));
        }
        if ("ANSWERED".equals(line.status())) {
            step(request, admin, Move.ANSWER, now, r -> r.answer(Outcome.valueOf(line.outcome()), line.answerText(),
                    line.groundsOrEmpty(), List.of(), line.answeredAt()));
        }
        if ("WITHDRAWN".equals(line.status())) {
            step(request, admin, Move.WITHDRAW, now, r -> r.withdraw(FROM_REGISTER, line.withdrawnAt()));
        }
        return new Imported(line.line(), request.id, request.trackingNumber, request.status().name());
    }

    /** One move of an imported request, as the earlier register recorded it: history line and event, like any move. */
    private void step(InformationRequest request, Actor admin, Move move, Instant now,
                      Function<InformationRequest, RequestEvent> change) {
        RequestStatus from = request.status();
        RequestEvent event = change.apply(request);
        RequestHistory.record(request, move.apiName(), from, admin, Role.ADMIN, FROM_REGISTER, now);
        outbox.append(request.id, event);
    }

    private static void checkCount(int count) {
        if (count > MAX_LINES) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "An import may hold at most " + MAX_LINES + " requests; split the file");
        }
    }

    private static String unreadable(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            return format.getPath().get(format.getPath().size() - 1).getFieldName() + " has a value of the wrong type";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field " + unknown.getPropertyName();
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() + " has a value of the wrong type";
        }
        return "is not a well-formed JSON object";
    }

    private static void refuseIf(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            List<Problem.Violation> shown = violations.size() > 100 ? violations.subList(0, 100) : violations;
            throw new ProblemException(Response.Status.BAD_REQUEST, "/problems/invalid-request",
                    violations.size() + " problem(s) in the file; nothing was imported", Map.of(), shown);
        }
    }
}
