package org.acceso.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tracing is always on (trace ids reach the logs, the services and Kafka headers) but spans leave the
 * process only when an OTLP collector is configured with {@code quarkus.otel.exporter.otlp.endpoint}
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}). Until then this exporter, which drops every span, stands
 * in for Quarkus' OTLP exporter, which would otherwise keep trying {@code localhost:4317}.
 */
@ApplicationScoped
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = "none", lookupIfMissing = true)
    SpanExporter dropSpansWhileNoCollectorIsConfigured() {
        return SpanExporter.composite();
    }
}
