package org.acceso.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one system lives and how it runs: its ports, its data and log folders, the distributions it runs from, and
 * the few ways a local stack and a system-test run differ.
 *
 * @param projectDir       the repository (the services' {@code target/quarkus-app}, deploy/, ./mvnw)
 * @param dataDir          databases, Kafka's log, PID files ({@code pids/}), the processes' working folders ({@code run/})
 * @param logsDir          one log per component
 * @param distributions    the downloaded and unpacked servers
 * @param layout           every port
 * @param keycloakHome     the unpacked Keycloak distribution this system starts (augmented on its first start)
 * @param keycloakInMemory true: an empty in-memory database each start, realm imported afresh (tests);
 *                         false: an H2 file under {@code dataDir/keycloak}, kept between starts
 * @param serviceJvmOptions JVM options of the services
 * @param servicesAwaitKeycloak true: a service starts once Keycloak answers; false: it starts with the infrastructure
 *                         and waits for Keycloak itself ({@code quarkus.oidc.connection-delay})
 * @param serviceEnvironment variables a service gets on top of {@link Environment}'s (a test's shorter sweep, say)
 * @param quickJit         every JVM (Kafka, Keycloak, GreenMail, the services) on the C1 compiler only: on two cores the
 *                         whole system starts in half the time, at the price of lower peak speed; false for benchmarks
 */
public record StackSpec(
        Path projectDir,
        Path dataDir,
        Path logsDir,
        Distributions distributions,
        Layout layout,
        Path keycloakHome,
        boolean keycloakInMemory,
        List<String> serviceJvmOptions,
        boolean servicesAwaitKeycloak,
        Map<Service, Map<String, String>> serviceEnvironment,
        boolean quickJit) {

    public StackSpec {
        projectDir = projectDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        logsDir = logsDir.toAbsolutePath().normalize();
        keycloakHome = keycloakHome.toAbsolutePath().normalize();
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /**
     * The stack of {@code deploy/acceso}: the ports of docs/runtime-contract.md, data in {@code deploy/.data},
     * downloads in {@code deploy/.dist}, Keycloak's realm and users kept between starts.
     */
    public static StackSpec local(Path projectDir) {
        Path deploy = projectDir.resolve("deploy");
        Path data = deploy.resolve(".data");
        Distributions distributions = new Distributions(deploy.resolve(".dist"), projectDir);
        List<String> jvm = new ArrayList<>(List.of("-Xms32m"));
        jvm.addAll(Environment.SERVICE_JVM_OPTIONS);
        return new StackSpec(projectDir, data, data.resolve("logs"), distributions, Layout.fixed(),
                distributions.dir().resolve("keycloak-" + Distributions.KEYCLOAK_VERSION), false, jvm, true, Map.of(), true);
    }

    /**
     * A throw-away system on free ports (the system tests): data under {@code dataDir}, Keycloak with an in-memory
     * database, its distribution unpacked and augmented once in {@code distDir} (kept between runs and clones), every
     * JVM on the C1 compiler only.
     */
    public static StackSpec throwAway(Path projectDir, Path dataDir, Path logsDir, Path distDir) {
        Distributions distributions = new Distributions(distDir, projectDir);
        return new StackSpec(projectDir, dataDir, logsDir, distributions, Layout.free(),
                distributions.dir().resolve("keycloak-" + Distributions.KEYCLOAK_VERSION), true,
                Environment.SERVICE_JVM_OPTIONS, true, Map.of(), true);
    }

    /** The same system with the full JIT (C1 and C2) in every JVM: slower to start, faster once warm (benchmarks). */
    public StackSpec withFullJit() {
        return new StackSpec(projectDir, dataDir, logsDir, distributions, layout, keycloakHome, keycloakInMemory,
                serviceJvmOptions, servicesAwaitKeycloak, serviceEnvironment, false);
    }

    /** The same system where {@code service} also gets {@code variables} (they win over {@link Environment}'s). */
    public StackSpec withServiceEnvironment(Service service, Map<String, String> variables) {
        Map<Service, Map<String, String>> all = new java.util.EnumMap<>(Service.class);
        all.putAll(serviceEnvironment);
        Map<String, String> merged = new java.util.LinkedHashMap<>(all.getOrDefault(service, Map.of()));
        merged.putAll(variables);
        all.put(service, merged);
        return new StackSpec(projectDir, dataDir, logsDir, distributions, layout, keycloakHome, keycloakInMemory,
                serviceJvmOptions, servicesAwaitKeycloak, all, quickJit);
    }

    /** Everything {@code service} is started with: {@link Environment}'s variables and this system's additions. */
    public Map<String, String> environment(Service service) {
        Map<String, String> env = new java.util.LinkedHashMap<>(Environment.of(service, layout));
        env.putAll(serviceEnvironment.getOrDefault(service, Map.of()));
        return env;
    }

    /** The JIT options of every JVM the stack starts. */
    public List<String> jitOptions() {
        return quickJit ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }

    public Path pidFile(Component component) {
        return dataDir.resolve("pids").resolve(component.id() + ".pid");
    }

    public Path log(Component component) {
        return logsDir.resolve(component.id() + ".log");
    }

    public Path workDir(Component component) {
        return dataDir.resolve("run").resolve(component.id());
    }

    /** The runnable jar {@code ./mvnw package} builds for a service. */
    public Path serviceJar(Service service) {
        return projectDir.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path realmFile() {
        return projectDir.resolve("deploy/keycloak/acceso-realm.json");
    }

    /** Keycloak themes the realm uses (deploy/keycloak/themes/acceso), installed into Keycloak's own folder. */
    public Path themesDir() {
        return projectDir.resolve("deploy/keycloak/themes");
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
