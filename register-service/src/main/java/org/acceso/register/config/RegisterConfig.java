package org.acceso.register.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** {@code register.*} settings (application.properties says what each is for). */
@ConfigMapping(prefix = "register")
public interface RegisterConfig {

    /** The city's time zone: the local date of a filing, and "today" for embargoes. */
    @WithDefault("America/Argentina/Cordoba")
    ZoneId zone();

    /** Where the public reaches the register (the gateway), for the absolute links of the open-data exports. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** Who publishes the register and its open data (the attribution the licence asks for). */
    @WithDefault("Municipalidad de Rosario")
    String publisher();

    Services services();

    Documents documents();

    Search search();

    Similar similar();

    Statistics statistics();

    /**
     * The services the register reads, directly (never through the gateway): request-service for document copies,
     * deadline-service for the statistics ({@code quarkus.rest-client.*.url} come from here).
     */
    interface Services {
        String request();

        String deadline();
    }

    interface Documents {
        /** How often pending copies are looked for (each publication also starts a run right after its commit). */
        @WithDefault("10s")
        String copyEvery();

        /** Wait after a failed copy; doubles after each further failure up to {@link #maxBackoff()}. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** A copy is stored in parts of this many bytes, so that a download streams. */
        @WithDefault("524288")
        int partSize();

        /** Copies fetched per run. */
        @WithDefault("20")
        int batchSize();
    }

    interface Search {
        /** Longest {@code q}. */
        @WithDefault("200")
        int maxQueryLength();

        /** Largest page. */
        @WithDefault("100")
        int maxPageSize();

        /** How deep paging goes ((page + 1) * size); past it, the open-data export has every request. */
        @WithDefault("10000")
        int maxWindow();
    }

    interface Similar {
        /** Longest {@code text}. */
        @WithDefault("2000")
        int maxTextLength();

        /** Requests returned at most. */
        @WithDefault("5")
        int results();

        /**
         * The words counted rare while the published requests using them add up to at most this many: candidates use
         * two of them (see SimilarRequests: this bounds the index's work at a million requests).
         */
        @WithDefault("30000")
        int lexemeBudget();

        /** Candidates that use two of the rare words, scored at most. */
        @WithDefault("150")
        int candidates();

        /** Requests that use all of the {@link #closestWords()} rarest words, scored at most (a repeat is among them). */
        @WithDefault("50")
        int closest();

        @WithDefault("6")
        int closestWords();

        /** Words of the text looked up at most (the rarest ones). */
        @WithDefault("8")
        int maxWords();

        /** The lowest score shown (0 to 1). */
        @WithDefault("0.1")
        double minScore();
    }

    interface Statistics {
        /** How often deadline-service's figures are fetched. */
        @WithDefault("15m")
        String every();

        /**
         * How many months are fetched, ending with next month (a request filed on a weekend is received on the next
         * business day, which may be in the next month); deadline-service takes periods under ten years.
         */
        @WithDefault("120")
        int months();
    }
}
