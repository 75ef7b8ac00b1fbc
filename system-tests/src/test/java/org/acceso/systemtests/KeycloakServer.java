package org.acceso.systemtests;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Keycloak server from its Maven distribution ({@code org.keycloak:keycloak-quarkus-dist} zip).
 * <p>
 * The zip is unpacked once into a cache outside {@code target} and kept there: Keycloak re-augments itself on its
 * first start (about 40 s) and, started later with the same build options, skips that (about 10 s). Each run uses
 * an in-memory database ({@code --db=dev-mem}), so it starts empty and imports the realm file afresh. A lock file
 * next to the cache keeps two runs from unpacking, augmenting or importing into it at the same time.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "acceso";
    static final String ADMIN = "admin";
    static final String CLI_CLIENT = "acceso-cli";

    private static final Duration LOCK_WAIT = Duration.ofMinutes(3);

    private final int port;
    private final ManagedProcess process;
    private FileChannel lockChannel;
    private FileLock lock;

    private KeycloakServer(int port, ManagedProcess process, FileChannel lockChannel, FileLock lock) {
        this.port = port;
        this.process = process;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Unpacks the distribution if needed and launches Keycloak in the background; call {@link #awaitReady}. */
    static KeycloakServer start(Path zip, Path home, Path realmFile, int port, Path log) {
        assertThat(realmFile).as("the realm file Keycloak imports").isRegularFile();
        FileChannel channel = null;
        FileLock lock = null;
        boolean started = false;
        try {
            Files.createDirectories(home.getParent());
            channel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = acquire(channel, home);
            unpackIfMissing(zip, home);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (Stream<Path> old = Files.list(importDir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

            String url = "http://127.0.0.1:" + port;
            ManagedProcess process = ManagedProcess.start("keycloak",
                    List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                            // build options: keep them identical between runs, or Keycloak re-augments (+30 s)
                            "--db=dev-mem",
                            // runtime options
                            "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url,
                            "--import-realm"),
                    Map.of("JAVA_HOME", System.getProperty("java.home"),
                            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                            // the master realm's administrator, for journeys that set up users or clients
                            "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN),
                    home, log);
            started = true;
            return new KeycloakServer(port, process, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + home, e);
        } finally {
            if (!started) {
                release(lock, channel);
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A token of the master realm's administrator (user and password {@value #ADMIN}), for the admin REST API. */
    String adminToken() {
        Response response = RestAssured.given().config(Http.config())
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN).formParam("password", ADMIN)
                .post(url() + "/realms/master/protocol/openid-connect/token");
        assertThat(response.statusCode()).as("admin token: %s", response.asString()).isEqualTo(200);
        return response.jsonPath().getString("access_token");
    }

    /** The issuer the services must expect: pinned by {@code --hostname}, whatever host a client uses. */
    String issuer() {
        return url() + "/realms/" + REALM;
    }

    ManagedProcess process() {
        return process;
    }

    /** Waits for the realm's discovery document, checks its issuer, then frees the cache for other runs. */
    long awaitReady(Duration timeout) {
        try {
            return process.awaitHttpOk(URI.create(issuer() + "/.well-known/openid-configuration"), timeout,
                    body -> body.contains("\"issuer\":\"" + issuer() + "\""));
        } finally {
            release(lock, lockChannel);
            lock = null;
            lockChannel = null;
        }
    }

    /** An access token for a realm user, from the password grant of the public test client. */
    String accessToken(String username, String password) {
        Response response = RestAssured.given()
                .config(Http.config())
                .formParam("grant_type", "password")
                .formParam("client_id", CLI_CLIENT)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(issuer() + "/protocol/openid-connect/token");
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.asString())
                .isEqualTo(200);
        String token = response.jsonPath().getString("access_token");
        assertThat(token).as("access_token for %s", username).isNotBlank();
        return token;
    }

    @Override
    public void close() {
        release(lock, lockChannel);
        process.close();
    }

    private static FileLock acquire(FileChannel channel, Path home) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Another run has held the Keycloak cache " + home + " for more than "
                        + LOCK_WAIT.toMinutes() + " min (lock file " + home.getFileName() + ".lock)");
            }
            ManagedProcess.sleep(Duration.ofSeconds(1));
        }
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel, and the channel with the JVM
        }
    }

    /**
     * Unpacks {@code keycloak-<version>/} from the zip into {@code home}, through a temporary folder and a rename,
     * so an interrupted unpack never leaves a half-filled cache behind.
     */
    private static void unpackIfMissing(Path zip, Path home) throws IOException {
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return;
        }
        assertThat(zip).as("the Keycloak distribution zip (resolved by Maven into the local repository)").isRegularFile();
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top folder itself
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Zip entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            try (Stream<Path> scripts = Files.list(staging.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            if (Files.exists(home)) {
                deleteTree(home); // a cache without an executable kc.sh is not usable
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
