package org.acceso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acceso.launcher.MailCatcher;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP catcher's messages (through the launcher's {@link MailCatcher}), counted per tracking number: the receipt's
 * subject names it ("Recibimos su solicitud AIP-2026-000123").
 */
final class Mail {

    static final Pattern TRACKING_NUMBER = Pattern.compile("AIP-\\d{4}-\\d{6}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MailCatcher catcher;

    Mail(MailCatcher catcher) {
        this.catcher = catcher;
    }

    /** The tracking numbers named by the subjects of the messages to {@code address}, one entry per message. */
    List<String> trackingNumbersTo(String address) {
        try {
            JsonNode messages = JSON.readTree(catcher.messagesJson(address));
            List<String> found = new java.util.ArrayList<>();
            for (JsonNode message : messages) {
                Matcher matcher = TRACKING_NUMBER.matcher(message.path("subject").asText(""));
                if (matcher.find()) {
                    found.add(matcher.group());
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("the catcher's answer is not JSON: " + e.getMessage(), e);
        }
    }

    /** How many messages name each tracking number, over the mailboxes of {@code addresses}. */
    Map<String, Integer> countByTrackingNumber(Collection<String> addresses) {
        Map<String, Integer> counts = new HashMap<>();
        for (String address : addresses) {
            trackingNumbersTo(address).forEach(tn -> counts.merge(tn, 1, Integer::sum));
        }
        return counts;
    }

    /** The same, read by {@code threads} at once (the SMTP drill's snapshot just before the catcher goes down). */
    Map<String, Integer> countByTrackingNumberInParallel(Collection<String> addresses, int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                Load.daemon("bench-mail"));
        try {
            List<java.util.concurrent.Future<List<String>>> reads = addresses.stream()
                    .map(address -> pool.submit(() -> trackingNumbersTo(address))).toList();
            Map<String, Integer> counts = new HashMap<>();
            for (java.util.concurrent.Future<List<String>> read : reads) {
                read.get().forEach(tn -> counts.merge(tn, 1, Integer::sum));
            }
            return counts;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reading the catcher: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    void purge() {
        catcher.purge();
    }
}
