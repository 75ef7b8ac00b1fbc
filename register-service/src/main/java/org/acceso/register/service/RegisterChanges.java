package org.acceso.register.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * The register's content counter ({@code register_change}): every change of what the public can read (a publication,
 * its replacement, a withdrawal, a document copy now served) bumps it in the same transaction. The open-data exports'
 * ETag and Last-Modified come from it.
 */
@ApplicationScoped
public class RegisterChanges {

    private final Clock clock;

    public RegisterChanges(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE register_change SET version = version + 1, changed_at = ?1 WHERE id = 1")
                .setParameter(1, clock.instant())
                .executeUpdate();
    }
}
