package org.acceso.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to start one process: the command, the variables it gets besides the caller's, and its working folder. */
public record Launch(List<String> command, Map<String, String> environment, Path workDir) {

    public Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
