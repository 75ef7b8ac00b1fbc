package org.acceso.request.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.config.RequestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legal grounds on which information may be withheld, from the configured catalogue (a JSON file per law,
 * {@code exemption-grounds/<name>.json}): data, not code, so another jurisdiction ships its own file.
 */
@ApplicationScoped
public class ExemptionGrounds {

    /** One ground: a stable code (cited in answers and events), the article it comes from, its name in Spanish and English. */
    public record Ground(String code, String reference, String name, String nameEn) {
    }

    record Catalogue(String law, String note, List<Ground> grounds) {
    }

    private final String law;
    private final Map<String, Ground> grounds;
    private final List<Ground> ordered;

    public ExemptionGrounds(RequestConfig config) {
        String resource = "/exemption-grounds/" + config.answer().groundsCatalogue() + ".json";
        try (InputStream in = ExemptionGrounds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No exemption-ground catalogue " + resource
                        + " (request.answer.grounds-catalogue)");
            }
            Catalogue catalogue = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Catalogue.class);
            Map<String, Ground> byCode = new LinkedHashMap<>();
            catalogue.grounds().forEach(g -> byCode.put(g.code(), g));
            this.law = catalogue.law();
            this.grounds = Map.copyOf(byCode);
            this.ordered = List.copyOf(catalogue.grounds());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public String law() {
        return law;
    }

    public List<Ground> all() {
        return ordered;
    }

    public boolean isKnown(String code) {
        return grounds.containsKey(code);
    }

    /** The ground of {@code code}, if the catalogue has it. */
    public java.util.Optional<Ground> find(String code) {
        return java.util.Optional.ofNullable(grounds.get(code));
    }
}
