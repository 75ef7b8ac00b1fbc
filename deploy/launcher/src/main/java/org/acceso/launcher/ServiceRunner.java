package org.acceso.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of Acceso's services: {@code java -jar quarkus-run.jar} with the environment of {@link Environment}. It runs
 * from a snapshot of its {@code target/quarkus-app} (hard links where possible), so a rebuild while it runs cannot
 * pull its jars away; restart it to pick up a new build.
 */
final class ServiceRunner extends Runner {

    private final Service service;

    ServiceRunner(StackSpec spec, Service service) {
        super(spec, service);
        this.service = service;
    }

    private Path snapshot() {
        return spec.workDir(service).resolve("quarkus-app");
    }

    @Override
    void prepare() throws IOException {
        Path jar = spec.serviceJar(service);
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(jar + " is missing; build the services: ./mvnw -B package -DskipTests "
                    + "(deploy/acceso up builds them when their jars are missing)");
        }
        Path source = jar.getParent();
        Path target = snapshot();
        Distributions.deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    try {
                        Files.createLink(copy, file); // a rebuild writes new files, so the link keeps the old content
                    } catch (IOException | UnsupportedOperationException otherFileSystem) {
                        Files.copy(file, copy);
                    }
                }
            }
        }
    }

    @Override
    Launch launch() {
        List<String> command = new ArrayList<>(List.of(StackSpec.javaExecutable().toString()));
        command.addAll(spec.serviceJvmOptions());
        command.addAll(spec.jitOptions());
        command.addAll(List.of("-Dacceso.component=" + service.id(), "-jar", snapshot().resolve("quarkus-run.jar").toString()));
        return new Launch(command, spec.environment(service), spec.workDir(service));
    }

    @Override
    boolean ready() {
        return httpOk(spec.layout().url(service) + "/q/health/ready", body -> true);
    }

    @Override
    Duration readyTimeout() {
        return Duration.ofMinutes(3);
    }
}
