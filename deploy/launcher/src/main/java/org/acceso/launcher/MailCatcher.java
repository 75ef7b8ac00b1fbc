package org.acceso.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The SMTP catcher's REST API (GreenMail standalone): what arrived for an address, as GreenMail's JSON (a list of
 * messages, each with {@code subject} and the raw {@code mimeMessage}); decoding is left to the caller.
 */
public final class MailCatcher {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String apiUrl;

    public MailCatcher(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** GreenMail's JSON list of the messages received for {@code address}; {@code []} when none arrived yet. */
    public String messagesJson(String address) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/")).GET());
        // GreenMail answers 400 for an address it has no mailbox for (nothing arrived yet)
        return response.statusCode() == 200 ? response.body() : "[]";
    }

    /** GreenMail's JSON list of the mailboxes (one per address that received something). */
    public String usersJson() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/user")).GET());
        return response.statusCode() == 200 ? response.body() : "[]";
    }

    /** Deletes every message received so far. */
    public void purge() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() >= 300) {
            throw new LauncherException("purging the mail catcher answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LauncherException("the mail catcher did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
