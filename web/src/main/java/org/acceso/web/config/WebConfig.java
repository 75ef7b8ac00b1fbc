package org.acceso.web.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;

/** The web front's settings ({@code web.*}); the API client's own keys are {@code quarkus.rest-client.api.*}. */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /** The API, through the gateway ({@code http://127.0.0.1:8080/api}). */
    URI apiUrl();

    /** The calendar the auditors keep ({@code rosario}). */
    String jurisdiction();

    /** How long the receipt waits for the legal clock's due date. */
    Duration receiptWait();

    /** How old a policy read may get before it is refreshed in the background ({@code api.Policies}). */
    Duration policyRefresh();

    /** Encrypts the sign-in state and session cookies. */
    String sessionSecret();
}
