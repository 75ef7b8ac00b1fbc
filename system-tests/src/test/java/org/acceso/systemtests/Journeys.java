package org.acceso.systemtests;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.TestExecutionResult;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Runs journey classes outside Maven, e.g. {@code deploy/acceso smoke}: {@code Journeys <class>...} with
 * {@code -Dsystem-tests.stack=running} runs them against the stack {@code deploy/acceso up} started. Prints one line
 * per test, the failures, and PASS or FAIL; exits 0 or 1.
 */
public final class Journeys {

    private Journeys() {
    }

    public static void main(String[] classes) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toList())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener lines = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    System.out.printf("%-7s %s%n", result.getStatus(), test.getDisplayName());
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary, lines);
        TestExecutionSummary result = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        result.printFailuresTo(out, 25);
        long failed = result.getTotalFailureCount();
        System.out.printf("%d passed, %d failed%n", result.getTestsSucceededCount(), failed);
        boolean pass = failed == 0 && result.getTestsSucceededCount() > 0;
        System.out.println(pass ? "PASS" : "FAIL");
        System.exit(pass ? 0 : 1);
    }
}
