package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.eventing.Outbox;
import org.acceso.problem.ProblemException;
import org.acceso.request.domain.Agency;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Keeps the agency catalogue; each change and its AgencyUpdated event commit together. */
@ApplicationScoped
public class AgencyService {

    private static final Logger LOG = Logger.getLogger(AgencyService.class);

    private final Outbox outbox;
    private final Clock clock;

    public AgencyService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an admin says about an agency; {@code active} null keeps it as it is (true for a new one). */
    public record Details(String name, String contactEmail, String backupEmail, Boolean active) {
    }

    @Transactional
    public Agency create(String code, Details body) {
        if (Agency.findById(code) != null) {
            throw ProblemException.conflict("An agency with code " + code + " exists; change it with PUT");
        }
        Agency agency = Agency.create(code, body.name().strip(), body.contactEmail(), blank(body.backupEmail()),
                body.active() == null || body.active(), clock.instant());
        agency.persist();
        outbox.append(agency.updated());
        LOG.infof("Agency %s added", agency.code);
        return agency;
    }

    @Transactional
    public Agency update(String code, Details body) {
        Agency agency = Agency.<Agency>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("No agency " + code));
        outbox.append(agency.change(body.name().strip(), body.contactEmail(), blank(body.backupEmail()),
                body.active() == null ? agency.active : body.active(), clock.instant()));
        LOG.infof("Agency %s changed", agency.code);
        return agency;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
