package org.acceso.web.view;

import io.quarkus.qute.TemplateData;
import org.acceso.web.api.Api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of the law in a page's words: every day count and rule a page states comes from the jurisdiction policy
 * (deadline-service's {@code /policy}) put into the sentences of {@code messages/msg*.properties}, whose placeholders
 * ({@code {term}}, {@code {extension}}, {@code {appeal}}, {@code {max}}, {@code {law}}, {@code {nth}}, {@code {times}},
 * {@code {extension_rule}}, {@code {cutoff}}) never hold a number of their own. Units are said as the policy counts
 * them: business days, calendar days, or months (Spain). When no policy could be read, {@link #known()} is false and
 * pages leave these sentences out.
 */
@TemplateData
public final class LawWords {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Api.Policy policy;
    private final String lang;

    private LawWords(Api.Policy policy, String lang) {
        this.policy = policy;
        this.lang = lang;
    }

    public static LawWords of(Optional<Api.Policy> policy, String lang) {
        return new LawWords(policy.orElse(null), lang);
    }

    /** Whether the policy is known (a page says nothing of days it does not know). */
    public boolean known() {
        return policy != null;
    }

    /** The law's name, e.g. "Ley 27.275". */
    public String law() {
        return known() ? policy.law() : "";
    }

    /** The term to answer: "15 días hábiles", "1 month". */
    public String term() {
        return known() ? amount(policy.responseDays(), policy.dayUnit()) : "";
    }

    /** What one extension adds: "15 días hábiles". */
    public String extension() {
        return known() ? amount(policy.extensionDays(), policy.extensionUnit()) : "";
    }

    /** The appeal window: "40 días hábiles". */
    public String appeal() {
        return known() ? amount(policy.appealDays(), policy.appealUnit()) : "";
    }

    /** The sentence {@code key} with the policy's facts in its placeholders. */
    public String say(String key) {
        if (!known()) {
            return "";
        }
        Map<String, String> facts = Map.of(
                "term", term(), "extension", extension(), "appeal", appeal(), "law", law(),
                "max", Integer.toString(policy.maxExtensions()), "nth", ordinal(policy.responseDays()),
                "cutoff", policy.cutoff() == null ? "" : policy.cutoff(),
                "times", policy.maxExtensions() == 1 ? fill("times_once", Map.of())
                        : fill("times_many", Map.of("max", Integer.toString(policy.maxExtensions()))));
        Map<String, String> all = new HashMap<>(facts);
        all.put("extension_rule", fill(extensionKey("extension_"), facts));
        return fill(key, all);
    }

    /** The hint of the extension form: how often and by how much, or that the law allows none. */
    public String extendHint() {
        return known() && policy.maxExtensions() == 0 ? say("extension_none") : say("move_extend_hint");
    }

    /** How the due date is computed, sentence by sentence, as this policy counts. */
    public String clockRule() {
        if (!known()) {
            return "";
        }
        String unit = unitOf(policy.dayUnit());
        return String.join(" ",
                say(policy.cutoff() == null ? "clock_day0" : "clock_day0_cutoff"),
                say("clock_end_" + unit),
                say("clock_counting_" + unit),
                say("clock_clarification_" + ("RESTART".equals(policy.clarification()) ? "RESTART" : "PAUSE")),
                say(policy.maxExtensions() == 0 ? "clock_extension_none" : "clock_extension"));
    }

    private String extensionKey(String prefix) {
        return prefix + switch (policy.maxExtensions()) {
            case 0 -> "none";
            case 1 -> "once";
            default -> "many";
        };
    }

    /** "15 días hábiles", "1 día hábil", "1 mes", "2 months". */
    private String amount(int count, String unit) {
        return count + " " + Texts.get(lang, "unit_" + unitOf(unit) + (count == 1 ? "_one" : "_many"));
    }

    private static String unitOf(String unit) {
        return "CALENDAR".equals(unit) || "MONTH".equals(unit) ? unit : "BUSINESS";
    }

    /** "15.º" in Spanish; "15th", "1st", "22nd" in English. */
    private String ordinal(int n) {
        if (!"en".equals(lang)) {
            return n + ".º";
        }
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private String fill(String key, Map<String, String> facts) {
        Matcher placeholder = PLACEHOLDER.matcher(Texts.get(lang, key));
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String fact = facts.get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(fact != null ? fact : placeholder.group()));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
