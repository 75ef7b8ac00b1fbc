package org.acceso.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code deploy/acceso smoke}: the system tests' resident journey ({@code ResidentFilesRequestIT}) against the running
 * stack, through {@code org.acceso.systemtests.Journeys} on the system tests' compiled classes and test classpath
 * (built by {@code up}, or here when missing or older than their sources).
 */
final class Smoke {

    static final String JOURNEY = "org.acceso.systemtests.ResidentFilesRequestIT";

    private Smoke() {
    }

    static int run(Stack stack) {
        List<String> notRunning = Component.all().stream()
                .filter(component -> stack.state(component) != Stack.State.RUNNING).map(Component::id).toList();
        if (!notRunning.isEmpty()) {
            throw new LauncherException("not running: " + String.join(" ", notRunning) + "; start them with: deploy/acceso up");
        }
        StackSpec spec = stack.spec();
        Path systemTests = spec.projectDir().resolve("system-tests");
        Path classes = systemTests.resolve("target/test-classes");
        Path classpathFile = systemTests.resolve("target/journey-classpath.txt");
        if (stale(spec.projectDir(), classes, classpathFile)) {
            Main.say("building the journeys (./mvnw test-compile -pl system-tests -am; log " + spec.logsDir().resolve("build.log") + ")");
            Maven.run(spec.projectDir(), spec.logsDir().resolve("build.log"), List.of("-q", "-T", "2", "test-compile",
                    "-Dmaven.test.skip=true", "-DskipTests", "-pl", "system-tests", "-am"), "building the journeys");
            try {
                Files.setLastModifiedTime(classpathFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                throw new LauncherException("no " + classpathFile + " after the build: " + e.getMessage(), e);
            }
        }
        List<String> command = new ArrayList<>(List.of(StackSpec.javaExecutable().toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classes + ":" + read(classpathFile),
                "-Dsystem-tests.stack=running", "-Dsystem-tests.project-dir=" + spec.projectDir(),
                "org.acceso.systemtests.Journeys", JOURNEY));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor() == 0 ? 0 : 1;
        } catch (IOException e) {
            throw new LauncherException("could not run the journey: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Missing, pointing at a jar that is gone, or older than the journeys' or the launcher's sources. */
    private static boolean stale(Path projectDir, Path classes, Path classpathFile) {
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            return true;
        }
        for (String entry : read(classpathFile).split(":")) {
            if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                return true;
            }
        }
        try {
            long built = Files.getLastModifiedTime(classpathFile).toMillis();
            if (projectDir.resolve("system-tests/pom.xml").toFile().lastModified() > built) {
                return true;
            }
            for (Path sources : List.of(projectDir.resolve("system-tests/src/test/java"), projectDir.resolve("deploy/launcher/src/main/java"))) {
                try (Stream<Path> files = Files.walk(sources)) {
                    if (files.anyMatch(file -> file.toFile().lastModified() > built)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LauncherException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
