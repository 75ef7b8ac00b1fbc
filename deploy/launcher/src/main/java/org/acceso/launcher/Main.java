package org.acceso.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code deploy/acceso}'s commands; the script only compiles this launcher and calls it. */
public final class Main {

    private static final String USAGE = """
            deploy/acceso: runs the whole Acceso system on this machine without Docker.

              up [--clean] [--build] [--infra] [--full-jit]
                                      Fetch what is missing into deploy/.dist (first run only, via ./mvnw from
                                      Maven Central), start PostgreSQL, Kafka, Keycloak and GreenMail, build the
                                      services if their jars are missing (--build: always), start the services and
                                      the web front (http://127.0.0.1:8080/), wait until each is ready.
                                      Starts only what is not running.
                                      --clean stops everything and wipes deploy/.data first (fresh databases,
                                      realm re-imported from deploy/keycloak/acceso-realm.json).
                                      --infra starts only the infrastructure (to run a service from an IDE or
                                      `quarkus dev` against it).
                                      --full-jit: every JVM with the optimising compiler too (about
                                      2x slower to start on two cores, faster once warm: benchmarks).
                                      By default they run on the C1 compiler only.
              down [component...]     Stop what up started (by the recorded PIDs): the services, then the
                                      infrastructure; or only the named components.
              status                  One line per component; exit code 1 unless everything runs.
              logs <component> [-n N] [--no-follow]
                                      Follow a log (default: the last 200 lines). Also: logs build.
              restart <component>     Stop one component (or clear it if dead), start it, wait until it is ready.
              kill <component>        kill -9 one component, as a crash would (status then says "dead";
                                      up or restart starts it again).
              smoke                   Run the system tests' resident journey (ResidentFilesRequestIT) against
                                      the running stack: PASS or FAIL (exit 0/1).
              env <service>           The environment a service is started with.
              urls                    Where everything listens.

            Components: %s
            Data: deploy/.data (databases, Kafka's log, Keycloak's H2, logs/, pids/). Downloads: deploy/.dist.
            See deploy/README.md.
            """.formatted(Component.ids(Component.all()));

    private Main() {
    }

    public static void main(String[] args) {
        Path projectDir = Path.of(System.getProperty("acceso.project-dir", ".")).toAbsolutePath().normalize();
        try {
            System.exit(run(projectDir, args));
        } catch (LauncherException e) {
            System.err.println("[acceso] ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(Path projectDir, String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        StackSpec spec = StackSpec.local(projectDir);
        Stack stack = Stack.of(spec, Main::say);
        return switch (command) {
            case "up" -> up(stack, rest);
            case "down" -> down(stack, rest);
            case "status" -> status(stack);
            case "logs" -> logs(stack, rest);
            case "restart" -> {
                stack.restart(Component.byId(single(rest, "restart <component>")));
                yield 0;
            }
            case "kill" -> {
                stack.kill(Component.byId(single(rest, "kill <component>")));
                yield 0;
            }
            case "smoke" -> Smoke.run(stack);
            case "env" -> env(stack, rest);
            case "urls" -> {
                System.out.print(urls(stack.layout()));
                yield 0;
            }
            case "help", "-h", "--help" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    static void say(String line) {
        System.out.println("[acceso] " + line);
    }

    private static String single(List<String> rest, String usage) {
        if (rest.size() != 1) {
            throw new LauncherException("usage: deploy/acceso " + usage + "; components: " + Component.ids(Component.all()));
        }
        return rest.get(0);
    }

    private static int up(Stack current, List<String> options) {
        boolean clean = false;
        boolean rebuild = false;
        boolean infraOnly = false;
        boolean fullJit = false;
        for (String option : options) {
            switch (option) {
                case "--full-jit" -> fullJit = true;
                case "--clean" -> clean = true;
                case "--build" -> rebuild = true;
                case "--infra" -> infraOnly = true;
                default -> throw new LauncherException("up: unknown option " + option + " (try: deploy/acceso help)");
            }
        }
        long begin = System.nanoTime();
        Stack stack = fullJit ? Stack.of(current.spec().withFullJit(), Main::say) : current;
        StackSpec spec = stack.spec();
        if (clean) {
            say("--clean: stopping everything and wiping " + spec.dataDir());
            stack.down();
            try {
                Distributions.deleteTree(spec.dataDir());
            } catch (IOException e) {
                throw new LauncherException("could not wipe " + spec.dataDir() + ": " + e.getMessage(), e);
            }
        }
        List<Component> wanted = infraOnly ? List.of(Infrastructure.values()) : Component.all();
        boolean servicesToStart = !infraOnly && Arrays.stream(Service.values()).anyMatch(s -> stack.state(s) != Stack.State.RUNNING);
        ServiceBuild build = null;
        if (servicesToStart && (rebuild || !ServiceBuild.jarsPresent(spec))) {
            build = ServiceBuild.start(spec);
            say("building the services (./mvnw package -Dmaven.test.skip=true; log " + build.log() + ")");
        }
        try {
            stack.up(wanted, build);
        } catch (LauncherException e) {
            if (build != null) {
                build.cancel();
            }
            throw e;
        }
        say("up in " + Stack.millisSince(begin) + " ms");
        System.out.print(urls(stack.layout()));
        return 0;
    }

    private static int down(Stack stack, List<String> names) {
        if (names.isEmpty()) {
            if (Component.all().stream().allMatch(c -> stack.state(c) == Stack.State.STOPPED)) {
                say("nothing to stop");
                return 0;
            }
            stack.down();
            say("down");
        } else {
            stack.stop(names.stream().map(Component::byId).toList());
        }
        return 0;
    }

    private static int status(Stack stack) {
        System.out.printf("%-21s %-8s %-8s %-12s %s%n", "COMPONENT", "STATE", "PID", "PORTS", "RSS");
        long total = 0;
        int exit = 0;
        for (Stack.Status line : stack.status()) {
            String ports = line.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
            String pid = line.pid() == 0 ? "-" : String.valueOf(line.pid());
            String rss = line.state() == Stack.State.RUNNING ? line.rssKb() / 1024 + " MB" : "";
            System.out.printf("%-21s %-8s %-8s %-12s %s%s%n", line.component().id(),
                    line.state().name().toLowerCase(), pid, ports, rss, line.note().isEmpty() ? "" : " (" + line.note() + ")");
            total += line.rssKb();
            if (line.state() != Stack.State.RUNNING) {
                exit = 1;
            }
        }
        System.out.printf("total RSS of running components: %d MB%n", total / 1024);
        return exit;
    }

    private static int logs(Stack stack, List<String> args) {
        String name = null;
        String lines = "200";
        boolean follow = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-n") && i + 1 < args.size()) {
                lines = args.get(++i);
            } else if (arg.startsWith("-n")) {
                lines = arg.substring(2);
            } else if (arg.equals("--no-follow")) {
                follow = false;
            } else if (arg.startsWith("-")) {
                throw new LauncherException("logs: unknown option " + arg);
            } else {
                name = arg;
            }
        }
        if (name == null || !lines.matches("\\d+")) {
            throw new LauncherException("usage: deploy/acceso logs <component> [-n N] [--no-follow]; components: "
                    + Component.ids(Component.all()) + " build");
        }
        Path log = name.equals("build") ? stack.spec().logsDir().resolve("build.log") : stack.log(Component.byId(name));
        if (!Files.exists(log)) {
            throw new LauncherException("no log yet for " + name + " (" + log + ")");
        }
        List<String> tail = new ArrayList<>(List.of("tail", "-n", lines));
        if (follow) {
            tail.add("-F");
        }
        tail.add(log.toString());
        try {
            return new ProcessBuilder(tail).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new LauncherException("could not run tail: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static int env(Stack stack, List<String> args) {
        Component component = Component.byId(single(args, "env <service>"));
        if (!(component instanceof Service service)) {
            throw new LauncherException("env: " + component.id() + " is not a service");
        }
        for (Map.Entry<String, String> variable : stack.spec().environment(service).entrySet()) {
            System.out.println(variable.getKey() + "=" + variable.getValue());
        }
        return 0;
    }

    static String urls(Layout layout) {
        return """

                  Acceso (all bound to %1$s)
                  ----------------------------------------------------------------------------------------------
                  >>> the web front:     %2$s/           sign in as ana, carla, elena or fede (password = name),
                                                                  or "Crear cuenta" (the confirmation link: GreenMail below)
                  gateway (web + API)    %2$s            /api/requests ...
                  web (front, direct)    %13$s            served through the gateway at /
                  request-service        %3$s            health: /q/health/ready
                  deadline-service       %4$s
                  notification-service   %5$s
                  Keycloak               %6$s            admin console: /admin  (admin / admin)
                                         issuer %7$s
                  Kafka                  %8$s (controller %9$d)
                  PostgreSQL             %1$s:%10$d  databases acceso_request|deadline|notification (password acceso)
                  GreenMail              SMTP %1$s:%11$d, mail API %12$s/api/user/<email>/messages/

                  Demo accounts (realm acceso, password = username; tokens via client acceso-cli)
                    ana    resident     ana@example.org    (es)       ben    resident   ben@example.org (en)
                    carla  clerk OBRAS  carla@example.org             diego  clerk SALUD diego@example.org
                    elena  coordinator  fede  auditor  admin  admin

                  deploy/acceso status | logs <component> | smoke | restart <component> | down
                """.formatted(Layout.HOST, layout.gatewayUrl(), layout.url(Service.REQUEST), layout.url(Service.DEADLINE),
                layout.url(Service.NOTIFICATION), layout.keycloakUrl(), layout.issuer(), layout.kafkaBootstrap(),
                layout.port(Layout.KAFKA_CONTROLLER), layout.port(Layout.POSTGRES), layout.port(Layout.SMTP),
                layout.mailApiUrl(), layout.url(Service.WEB));
    }
}
