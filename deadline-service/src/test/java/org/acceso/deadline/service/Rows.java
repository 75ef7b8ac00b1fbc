package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;

/** What the recomputation tests read back from the database, each in its own transaction. */
final class Rows {

    private Rows() {
    }

    /** The highest id of {@code table} so far (0 when empty): rows written later have greater ids. */
    static long maxId(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT coalesce(max(id), 0) FROM " + table).getSingleResult()).longValue());
    }

    /** The rows of {@code sql}, whose one parameter is an id to read after. */
    @SuppressWarnings("unchecked")
    static List<Object[]> after(String sql, long after) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, after).getResultList());
    }
}
