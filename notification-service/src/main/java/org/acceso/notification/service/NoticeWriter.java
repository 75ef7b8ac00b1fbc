package org.acceso.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a notice from its templates, looked up by (kind, language): {@code templates/notices/<kind>_<language>.txt}
 * is the plain text, with a {@code subject} fragment; {@code <kind>_<language>.html} the HTML part when there is
 * one, else the text set in the common HTML layout ({@code notices/layout.html}). A language without the
 * templates falls back to Spanish. Templates declare the types they use, so Quarkus checks them at build time.
 */
@ApplicationScoped
@Startup
public class NoticeWriter {

    /** Kinds written outside the rule table. */
    public static final Set<String> DIGEST_KINDS = Set.of(Digests.AGENCY_KIND, Digests.DIRECTORATE_KIND,
            Digests.COORDINATION_KIND);

    private static final String FOLDER = "notices/";

    private final Engine engine;

    public NoticeWriter(Engine engine) {
        this.engine = engine;
    }

    /** A written notice: subject, plain text and HTML. */
    public record Written(String subject, String text, String html) {
    }

    /** Fails at start-up when a kind has no Spanish text template with a subject. */
    @PostConstruct
    void checkEveryKindHasItsTemplates() {
        Set<String> kinds = new TreeSet<>(NoticeRules.kinds());
        kinds.addAll(DIGEST_KINDS);
        List<String> missing = new ArrayList<>();
        for (String kind : kinds) {
            Template text = engine.getTemplate(FOLDER + kind + "_" + Languages.DEFAULT + ".txt");
            if (text == null || text.getFragment("subject") == null) {
                missing.add(kind);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No " + Languages.DEFAULT + " text template with a subject for " + missing);
        }
    }

    public Written write(String kind, String language, Map<String, Object> data) {
        String lang = Languages.supported(language);
        Template text = engine.getTemplate(FOLDER + kind + "_" + lang + ".txt");
        if (text == null) {
            lang = Languages.DEFAULT;
            text = engine.getTemplate(FOLDER + kind + "_" + lang + ".txt");
        }
        if (text == null) {
            throw new IllegalStateException("No template for notice kind " + kind);
        }
        String subject = fill(text.getFragment("subject").instance(), data).render().strip().replaceAll("\\s+", " ");
        String body = fill(text.instance(), data).render().strip().replaceAll("\\n{3,}", "\n\n");
        Template html = engine.getTemplate(FOLDER + kind + "_" + lang + ".html");
        String htmlBody = html != null
                ? fill(html.instance(), data).render()
                : engine.getTemplate(FOLDER + "layout.html").instance()
                        .data("lang", lang).data("subject", subject).data("paragraphs", paragraphs(body)).render();
        return new Written(subject, body, htmlBody);
    }

    private static TemplateInstance fill(TemplateInstance instance, Map<String, Object> data) {
        data.forEach(instance::data);
        return instance;
    }

    /** The text's paragraphs (split at blank lines), each a list of lines. */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.split("\\R\\s*\\R")) {
            List<String> lines = block.strip().lines().map(String::strip).toList();
            if (!lines.isEmpty()) {
                paragraphs.add(lines);
            }
        }
        return paragraphs;
    }
}
