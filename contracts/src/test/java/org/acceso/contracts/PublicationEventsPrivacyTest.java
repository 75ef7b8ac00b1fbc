package org.acceso.contracts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public register receives only {@link PublicationEvent}s: no member of that family, nor any record nested in
 * one, may carry a {@link Person} or a component named like a person's identity or contact. A field added to the
 * contract that could carry personal data fails here before it can reach the public side.
 */
class PublicationEventsPrivacyTest {

    private static final List<String> PERSONAL = List.of("requester", "person", "user", "email", "mail", "phone",
            "address", "document", "dni", "cuit", "cuil", "name");
    /** Names that contain one of the words above and are known not to name a person. */
    private static final List<String> ALLOWED = List.of("agencyName", "fileName", "name", "nameEn", "documents");

    @Test
    void shouldCarryNoPersonalDataByConstruction() {
        List<String> found = new ArrayList<>();
        for (Class<?> type : PublicationEvent.class.getPermittedSubclasses()) {
            walk(type, type.getSimpleName(), found);
        }
        assertThat(found).as("components of publication events that could carry personal data").isEmpty();
    }

    @Test
    void shouldKnowTheTwoPublicationEvents() {
        assertThat(Arrays.stream(PublicationEvent.class.getPermittedSubclasses())
                .map(type -> EventCodec.typeName(type.asSubclass(AccesoEvent.class))))
                .containsExactlyInAnyOrder("RequestPublished", "PublicationWithdrawn");
        assertThat(Topics.of(new PublicationWithdrawn("AIP-2026-000001", java.time.Instant.EPOCH)))
                .isEqualTo(Topics.PUBLICATION_EVENTS);
    }

    private static void walk(Class<?> type, String path, List<String> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            String where = path + "." + component.getName();
            String lower = component.getName().toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(component.getName()) && PERSONAL.stream().anyMatch(lower::contains)) {
                found.add(where);
            }
            for (Class<?> nested : classesOf(component.getGenericType())) {
                if (nested == Person.class) {
                    found.add(where + " (a Person)");
                } else if (nested.isRecord()) {
                    walk(nested, where, found);
                }
            }
        }
    }

    private static List<Class<?>> classesOf(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            classes.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            classes.addAll(classesOf(parameterized.getRawType()));
            for (Type argument : parameterized.getActualTypeArguments()) {
                classes.addAll(classesOf(argument));
            }
        }
        return classes;
    }
}
