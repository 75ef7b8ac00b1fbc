package org.acceso.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started Acceso system for every end-to-end journey of a run: started by the first class that needs it, stopped
 * once when the whole run ends (JUnit closes what is kept in the root context's store). Starting the system takes
 * most of a minute, so journeys share it; each journey files its own requests and finds its e-mails by their
 * tracking numbers.
 */
public final class SharedSystem implements BeforeAllCallback {

    private static AccesoSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSystem.class, key -> new Running(), Running.class);
    }

    /** The running system; only valid inside a class extended with this extension. */
    static AccesoSystem get() {
        if (system == null) {
            throw new IllegalStateException("No system: extend the test class with @ExtendWith(SharedSystem.class)");
        }
        return system;
    }

    /** Holds the system in the root store, so that JUnit stops it after the last test class. */
    private static final class Running implements AutoCloseable {

        Running() {
            system = AccesoSystem.start(SystemTestSettings.fromSystemProperties());
        }

        @Override
        public void close() {
            system.close();
            System.out.println(system.timingSummary());
        }
    }
}
