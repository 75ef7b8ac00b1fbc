package org.acceso.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the services' jars (and the system tests' journeys, which {@code smoke} runs) with the project's Maven in
 * the background, while the infrastructure starts: {@code ./mvnw -q -T 2 package -Dmaven.test.skip=true -DskipTests}
 * ({@code -DskipTests} also keeps system-tests' browser profile, which fetches Chromium for the browser journeys, off).
 */
public final class ServiceBuild {

    private final StackSpec spec;
    private final Path log;
    private final Process maven;

    private ServiceBuild(StackSpec spec, Path log, Process maven) {
        this.spec = spec;
        this.log = log;
        this.maven = maven;
    }

    /** The modules built: every service, and system-tests for its journeys. */
    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        for (Service service : Service.values()) {
            modules.add(service.module());
        }
        modules.add("system-tests");
        return modules;
    }

    public static ServiceBuild start(StackSpec spec) {
        Path log = spec.logsDir().resolve("build.log");
        Process maven = Maven.start(spec.projectDir(), log, List.of("-q", "-T", "2", "package", "-Dmaven.test.skip=true", "-DskipTests",
                "-pl", String.join(",", modules()), "-am"));
        return new ServiceBuild(spec, log, maven);
    }

    public static boolean jarsPresent(StackSpec spec) {
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(spec.serviceJar(service))) {
                return false;
            }
        }
        return true;
    }

    public Path log() {
        return log;
    }

    /** True once the build succeeded; fails if it failed. */
    public boolean finished() {
        if (maven.isAlive()) {
            return false;
        }
        check();
        return true;
    }

    /** Fails if the build ended badly. */
    public void check() {
        if (!maven.isAlive() && (maven.exitValue() != 0 || !jarsPresent(spec))) {
            throw new LauncherException("building the services failed (exit " + maven.exitValue() + "); see " + log
                    + "\n" + Logs.tail(log, 40));
        }
    }

    public void cancel() {
        maven.descendants().forEach(ProcessHandle::destroy);
        maven.destroy();
    }
}
