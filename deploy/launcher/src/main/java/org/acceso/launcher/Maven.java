package org.acceso.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the project's own Maven wrapper ({@code ./mvnw}) as a child process. */
final class Maven {

    private Maven() {
    }

    /**
     * Starts {@code ./mvnw -B <arguments>} in {@code projectDir} with its output in {@code log}. A one-off build
     * runs with the C1 compiler only: the optimising compiler gains little on short work and would take CPU from
     * what starts at the same time (Keycloak's first start).
     */
    static Process start(Path projectDir, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(projectDir.resolve("mvnw").toString());
        command.add("-B");
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // a Maven that runs this launcher (the system tests) must not hand its own settings to the child
            builder.environment().keySet().removeIf(key -> key.startsWith("MAVEN_"));
            builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m");
            return builder.start();
        } catch (IOException e) {
            throw new LauncherException("could not run " + command + ": " + e.getMessage(), e);
        }
    }

    /** Runs Maven to the end; fails with the tail of its log. */
    static void run(Path projectDir, Path log, List<String> arguments, String what) {
        Process maven = start(projectDir, log, arguments);
        try {
            int exit = maven.waitFor();
            if (exit != 0) {
                throw new LauncherException(what + " failed (exit " + exit + "); see " + log + "\n" + Logs.tail(log, 30));
            }
        } catch (InterruptedException e) {
            maven.destroy();
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while " + what);
        }
    }
}
