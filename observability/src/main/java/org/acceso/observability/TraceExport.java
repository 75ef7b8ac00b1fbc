package org.acceso.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tracing is always on (trace ids reach the logs, the services and Kafka headers) but spans leave the
 * process only when an OTLP collector is configured with {@code quarkus.otel.exporter.otlp.endpoint}
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}). Until then this exporter, which drops every span, stands
 * in for Quarkus' OTLP exporter, which would otherwise keep trying its default {@code http://localhost:4317/}
 * (a collector that really listens there is configured as {@code http://localhost:4317}, without the slash).
 */
@ApplicationScoped
public class TraceExport {

    /** The value the endpoint has while nobody configured one. */
    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Produces
    @Singleton
    @Unremovable // only looked up by Quarkus' exporter set-up, never injected
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = QUARKUS_DEFAULT_ENDPOINT, lookupIfMissing = true)
    SpanExporter dropSpansWhileNoCollectorIsConfigured() {
        return SpanExporter.composite();
    }
}
