package org.acceso.request.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;

/**
 * {@code request.*} settings. The facts of the law (how many extensions, the jurisdiction's zone) are not settings here:
 * they come from deadline-service's policy in force ({@link org.acceso.request.service.LawInForce}).
 */
@ConfigMapping(prefix = "request")
public interface RequestConfig {

    Tracking tracking();

    Documents documents();

    Answer answer();

    Idempotency idempotency();

    Publication publication();

    Intake intake();

    Receipt receipt();

    Retention retention();
    Staff staff();

    interface Tracking {
        /** Prefix of tracking numbers: {@code <prefix>-<year>-<6 digits>}. */
        @WithDefault("AIP")
        String prefix();

    }

    interface Documents {
        /** The largest document accepted; larger uploads get 413. Keep quarkus.http.limits.max-body-size above it. */
        @WithDefault("20M")
        MemorySize maxSize();

        /** The largest JSON (or CSV, NDJSON) body accepted by any other endpoint. */
        @WithDefault("1M")
        MemorySize maxJsonBody();

        /** The largest import file ({@code POST /requests/import}). */
        @WithDefault("10M")
        MemorySize maxImport();
    }

    interface Answer {
        /** The catalogue of exemption grounds: {@code exemption-grounds/<name>.json} on the classpath. */
        @WithDefault("ar-law-27275")
        String groundsCatalogue();
    }

    interface Idempotency {
        /**
         * How long a filing's {@code Idempotency-Key} is remembered: a repeat within this time replays the first
         * answer; after it, the same key files anew. Longer than any client's retries.
         */
        @WithDefault("24h")
        Duration retention();
    }

    interface Publication {
        /**
         * Whether a requester's {@code "publicationConsent": false} at filing keeps their request out of the public
         * register (the law does not require consent; the city may honour it).
         */
        @WithDefault("true")
        boolean honourConsent();
    }

    interface Intake {
        /**
         * How far back staff may date a request they register ({@code receivedAt}): the legal clock counts from the
         * instant the request was received, however late it is typed in, so the office's backlog after a closure
         * fits in; anything older comes in through the import ({@code POST /requests/import}).
         */
        @WithDefault("P30D")
        Duration maxBackdate();
    }

    interface Receipt {
        /** Who issues receipts: the body's name at the head of the printed receipt. */
        @WithDefault("Municipalidad de Rosario")
        String issuer();
    }

    /**
     * The job that anonymises requesters (Law 25.326); how long their data is kept is {@code
     * acceso.retention.requester-data}, a setting of the whole system (docs/privacy.md).
     */
    interface Retention {
        /** How often each instance runs it (read by the {@code @Scheduled} expression), e.g. {@code 1h}. */
        @WithDefault("1h")
        String every();

        /** How long after start it first runs (read by the {@code @Scheduled} expression). */
        @WithDefault("5m")
        String delay();

        /** Requests anonymised per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** The staff directory read from Keycloak ({@code service.StaffDirectory}). */
    interface Staff {
        /** Read Keycloak again this long after the last successful read. */
        @WithDefault("10m")
        Duration refreshEvery();

        /** While Keycloak cannot be read, try again this often. */
        @WithDefault("30s")
        Duration retryEvery();

        /** How often the scheduler looks whether a refresh is due (the {@code @Scheduled} expression reads it). */
        @WithDefault("15s")
        String checkEvery();

        /** An assignment naming a clerk the directory does not know reads Keycloak again, at most this often. */
        @WithDefault("10s")
        Duration onDemandEvery();
    }
}
