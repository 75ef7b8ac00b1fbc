package org.acceso.notification.service;

import java.util.Locale;
import java.util.Set;

/** The languages notices are written in. Spanish is the default; a new language is its templates and words file. */
public final class Languages {

    public static final String DEFAULT = "es";
    public static final Set<String> SUPPORTED = Set.of("es", "en");

    private Languages() {
    }

    /** The language to write in for a requested one: itself when supported, else the default. */
    public static String supported(String language) {
        if (language == null) {
            return DEFAULT;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        return SUPPORTED.contains(code) ? code : DEFAULT;
    }

    public static Locale locale(String language) {
        return "es".equals(language) ? Locale.forLanguageTag("es-AR") : Locale.forLanguageTag(language);
    }
}
