package org.acceso.web.view;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code msg:} namespace of the templates: {@code {msg:key}}, {@code {msg:message(key)}} and, for a family of words
 * chosen by a value, {@code {msg:message('status_', r.status)}} give the page's words in
 * its language (the template instance's {@code locale}), from {@code messages/msg.properties} (Spanish, the default)
 * and {@code messages/msg_en.properties}. {@code MessagesTest} checks that both files define the same keys and that
 * every key a template names exists.
 * <p>
 * Written as a namespace resolver rather than a Qute {@code @MessageBundle} interface: with the front's ~330 messages,
 * the class Quarkus 3.33.2 generates for such a bundle fails bytecode verification at start-up ("Bad type on operand
 * stack" in {@code Msg_Bundle_resolve_0}).
 */
@EngineConfiguration
public class Words implements NamespaceResolver {

    @Override
    public String getNamespace() {
        return "msg";
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        String lang = lang(context.getAttribute("locale"));
        if ("message".equals(context.getName()) && context.getParams().size() == 1) {
            return context.evaluate(context.getParams().get(0))
                    .thenApply(key -> key == null ? "" : Texts.get(lang, key.toString()));
        }
        if ("message".equals(context.getName()) && context.getParams().size() == 2) {
            // {msg:message('status_', r.status)}: a family of words, by a value the API gives
            return context.evaluate(context.getParams().get(0)).thenCompose(prefix -> context.evaluate(context.getParams().get(1))
                    .thenApply(value -> value == null ? "" : Texts.get(lang, prefix + value.toString())));
        }
        if (!context.getParams().isEmpty()) {
            return Results.notFound(context);
        }
        return CompletableFuture.completedFuture(Texts.get(lang, context.getName()));
    }

    private static String lang(Object locale) {
        return locale instanceof Locale l && "en".equals(l.getLanguage()) ? "en" : "es";
    }
}
