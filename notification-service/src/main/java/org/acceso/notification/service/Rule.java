package org.acceso.notification.service;

import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.EventCodec;
import org.acceso.notification.domain.Category;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One line of {@link NoticeRules}: an event of type {@code on} that passes {@code when} makes a notice of
 * {@code kind} (the template) for each recipient of each audience; joined rules wait for their companion event.
 */
public record Rule<E extends AccesoEvent>(Class<E> on, Predicate<E> when, Join<E, ?> join, List<Audience> to,
                                          String kind, Category category, boolean legal) {

    public boolean matches(AccesoEvent event) {
        return on.isInstance(event) && when.test(on.cast(event));
    }

    /**
     * The deadline event that completes the notice: of type {@code type}, a candidate when {@code candidate}
     * holds, and the pair when {@code pairs} holds for the request event and it.
     */
    public record Join<P, C extends DeadlineEvent>(Class<C> type, Predicate<C> candidate, BiPredicate<P, C> pairs) {

        public String typeName() {
            return EventCodec.typeName(type);
        }

        public boolean isCandidate(DeadlineEvent event) {
            return type.isInstance(event) && candidate.test(type.cast(event));
        }

        @SuppressWarnings("unchecked")
        public boolean pairs(AccesoEvent primary, DeadlineEvent companion) {
            return isCandidate(companion) && pairs.test((P) primary, type.cast(companion));
        }
    }

    /** Starts a rule: {@code on(RequestFiled.class).unless(...).joinedWith(...).notify(...).as(...)}. */
    public static <E extends AccesoEvent> Builder<E> on(Class<E> type) {
        return new Builder<>(type, e -> true, null, List.of());
    }

    public record Builder<E extends AccesoEvent>(Class<E> on, Predicate<E> when, Join<E, ?> join, List<Audience> to) {

        public Builder<E> when(Predicate<E> condition) {
            return new Builder<>(on, when.and(condition), join, to);
        }

        public Builder<E> unless(Predicate<E> condition) {
            return when(condition.negate());
        }

        public <C extends DeadlineEvent> Builder<E> joinedWith(Class<C> type, Predicate<C> candidate, BiPredicate<E, C> pairs) {
            return new Builder<>(on, when, new Join<>(type, candidate, pairs), to);
        }

        public <C extends DeadlineEvent> Builder<E> joinedWith(Class<C> type, Predicate<C> candidate) {
            return joinedWith(type, candidate, (e, c) -> true);
        }

        public Builder<E> notify(Audience... audiences) {
            return new Builder<>(on, when, join, List.of(audiences));
        }

        public Rule<E> as(String kind, Category category, boolean legal) {
            if (to.isEmpty()) {
                throw new IllegalStateException("A rule for " + on.getSimpleName() + " names no audience");
            }
            return new Rule<>(on, when, join, to, kind, category, legal);
        }
    }
}
