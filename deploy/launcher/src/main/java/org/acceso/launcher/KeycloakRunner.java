package org.acceso.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven distribution, {@code start-dev} with the realm imported from deploy/keycloak/acceso-realm.json
 * (its e-mails through this stack's SMTP server: {@link Environment#keycloak}), the realm's theme installed from
 * deploy/keycloak/themes, and the hostname pinned, so a token's issuer is the same whatever host a client used. The
 * distribution is unpacked once into its home and augmented by its first start; a lock on the home, held from
 * unpacking until Keycloak answers, keeps two launchers from unpacking, augmenting or importing into it at once. That first start always
 * runs on the C1 compiler only, leaving CPU to what starts beside it (the services' build).
 */
final class KeycloakRunner extends Runner {

    static final String ADMIN = "admin";

    private final Path home;
    private FileChannel lockChannel;
    private FileLock lock;

    KeycloakRunner(StackSpec spec) {
        super(spec, Infrastructure.KEYCLOAK);
        this.home = spec.keycloakHome();
    }

    private Path builtMarker() {
        return home.resolve(".acceso-built" + (spec.keycloakInMemory() ? "-dev-mem" : ""));
    }

    @Override
    void prepare() throws IOException {
        Files.createDirectories(home.getParent());
        lockChannel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = Distributions.lock(lockChannel, home);
            spec.distributions().unpackKeycloak(home);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (Stream<Path> old = Files.list(importDir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.writeString(importDir.resolve(Layout.REALM + "-realm.json"), realmFor(spec.realmFile(), spec.layout()));
            installThemes(spec.themesDir(), home.resolve("themes"));
            if (!spec.keycloakInMemory()) {
                Files.createDirectories(h2Dir());
            }
        } catch (IOException | RuntimeException e) {
            released();
            throw e;
        }
    }

    /**
     * The realm export with the web front's sign-in addresses (root URL, redirect and post-logout URIs) moved from the
     * contract's gateway, {@code http://127.0.0.1:8080}, to the gateway of {@code layout} (the same on the fixed layout).
     */
    static String realmFor(Path realmFile, Layout layout) throws IOException {
        String contractGateway = "http://" + Layout.HOST + ":" + Service.GATEWAY.defaultPort();
        return Files.readString(realmFile).replace(contractGateway, layout.gatewayUrl());
    }

    /**
     * Puts each theme of {@code themes} (deploy/keycloak/themes: the realm's login and e-mail theme {@code acceso}) into
     * the distribution's {@code themes/} folder, replacing an earlier copy; Keycloak reads that folder without a build.
     */
    static void installThemes(Path themes, Path installed) throws IOException {
        Files.createDirectories(installed);
        try (Stream<Path> each = Files.list(themes)) {
            for (Path theme : each.filter(Files::isDirectory).toList()) {
                Path target = installed.resolve(theme.getFileName().toString());
                Distributions.deleteTree(target);
                try (Stream<Path> files = Files.walk(theme)) {
                    for (Path file : files.toList()) {
                        Path copy = target.resolve(theme.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(file, copy);
                        }
                    }
                }
            }
        }
    }

    private Path h2Dir() {
        return spec.dataDir().resolve("keycloak/h2");
    }

    @Override
    Launch launch() {
        Layout layout = spec.layout();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev"));
        if (spec.keycloakInMemory()) {
            command.add("--db=dev-mem"); // a build option: keep it the same between starts of one home
        }
        command.addAll(List.of("--http-host=" + Layout.HOST, "--http-port=" + layout.port(Layout.KEYCLOAK), "--import-realm"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        env.put("KC_HOSTNAME", layout.keycloakUrl());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.putAll(Environment.keycloak(layout));
        List<String> append = new ArrayList<>(List.of("-Dacceso.component=keycloak"));
        append.addAll(Files.exists(builtMarker()) ? spec.jitOptions() : List.of("-XX:TieredStopAtLevel=1"));
        env.put("JAVA_OPTS_APPEND", String.join(" ", append));
        if (!spec.keycloakInMemory()) {
            env.put("KC_DB_URL", "jdbc:h2:file:" + h2Dir().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        }
        return new Launch(command, env, spec.workDir(component));
    }

    @Override
    boolean ready() {
        String issuer = spec.layout().issuer();
        boolean ready = httpOk(issuer + "/.well-known/openid-configuration",
                body -> body.contains("\"issuer\":\"" + issuer + "\""));
        if (ready) {
            try {
                Files.writeString(builtMarker(), "");
            } catch (IOException ignored) {
                // only costs the C1-only flag on the next start
            }
        }
        return ready;
    }

    @Override
    void released() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel, and the channel with the JVM
        }
        lock = null;
        lockChannel = null;
    }

    @Override
    Duration readyTimeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(40);
    }
}
