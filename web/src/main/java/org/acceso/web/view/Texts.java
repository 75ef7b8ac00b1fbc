package org.acceso.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The page's words for Java code (form errors), from the same files as the templates' {@code msg:} bundle:
 * {@code messages/msg.properties} (Spanish, the default) and {@code messages/msg_en.properties}.
 */
@RequestScoped
public class Texts {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    @Inject
    Pages pages;

    public String get(String key) {
        return get(pages.lang(), key);
    }

    public static String get(String lang, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages.msg",
                "en".equals(lang) ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
