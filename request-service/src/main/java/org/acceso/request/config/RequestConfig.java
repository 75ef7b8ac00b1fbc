package org.acceso.request.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.time.ZoneId;

/** {@code request.*} settings. */
@ConfigMapping(prefix = "request")
public interface RequestConfig {

    Tracking tracking();

    Lifecycle lifecycle();

    Documents documents();

    Answer answer();

    Idempotency idempotency();

    Staff staff();

    interface Tracking {
        /** Prefix of tracking numbers: {@code <prefix>-<year>-<6 digits>}. */
        @WithDefault("AIP")
        String prefix();

        /** The zone whose calendar year numbers the requests, and in which due dates are shown. */
        @WithDefault("America/Argentina/Cordoba")
        ZoneId zone();
    }

    interface Lifecycle {
        /**
         * How many extensions a request may get. Must match the jurisdiction policy of deadline-service
         * ({@code deadline.policy.profile}); Law 27.275 allows one.
         */
        @WithDefault("1")
        int maxExtensions();
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
