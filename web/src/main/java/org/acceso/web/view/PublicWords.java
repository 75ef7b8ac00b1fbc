package org.acceso.web.view;

import io.quarkus.qute.TemplateExtension;
import org.acceso.web.api.Api;

/** The register's texts written in both languages, in the page's ({@code {d.description.localized(ui.lang)}}). */
@TemplateExtension
public final class PublicWords {

    private PublicWords() {
    }

    static String localized(Api.Words words, String lang) {
        if (words == null) {
            return "";
        }
        return "en".equals(lang) && words.en() != null ? words.en() : words.es();
    }

    static String meaning(Api.Column column, String lang) {
        return "en".equals(lang) ? column.en() : column.es();
    }

    static String groundName(Api.Ground ground, String lang) {
        return ("en".equals(lang) && ground.nameEn() != null ? ground.nameEn() : ground.name()) + " (" + ground.reference() + ")";
    }
}
