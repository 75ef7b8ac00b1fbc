package org.acceso.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain words, per language, for the codes that travel in events (exemption grounds, outcomes, causes, day
 * units), from {@code notices/words_<language>.properties}. A code nobody wrote words for is shown as it is:
 * a new ground in request-service never breaks a notice.
 */
public final class Words {

    private static final Map<String, Properties> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Properties words;
    private final Properties fallback;

    private Words(String language) {
        this.words = load(language);
        this.fallback = load(Languages.DEFAULT);
    }

    public static Words of(String language) {
        return new Words(Languages.supported(language));
    }

    /** The words for {@code group.code}, or the code itself. */
    public String word(String group, String code) {
        if (code == null) {
            return "";
        }
        String key = group + "." + code;
        String value = words.getProperty(key);
        if (value == null) {
            value = fallback.getProperty(key);
        }
        return value != null ? value : code;
    }

    private static Properties load(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, l -> {
            Properties properties = new Properties();
            try (InputStream in = Words.class.getClassLoader().getResourceAsStream("notices/words_" + l + ".properties")) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }
}
