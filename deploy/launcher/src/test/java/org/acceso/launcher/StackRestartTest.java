package org.acceso.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service restarted with other variables for one start (the system tests switch deadline-service's policy profile
 * so): a real process through the launcher, standing in for the web front with a tiny server packaged as its
 * {@code quarkus-run.jar} that answers its readiness and tells the variable it was started with.
 */
class StackRestartTest {

    private static final String PROBE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                            Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = String.valueOf(System.getenv("PROBE_PROFILE")).getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldRestartAServiceWithOtherVariablesForOneStartOnly() throws Exception {
        packageProbeAs(dir.resolve("project/web/target/quarkus-app/quarkus-run.jar"));
        StackSpec spec = new StackSpec(dir.resolve("project"), dir.resolve("data"), dir.resolve("logs"),
                new Distributions(dir.resolve("dist"), dir.resolve("project")), Layout.free(), dir.resolve("keycloak"), true,
                List.of("-Xmx32m"), false, Map.of(), true)
                .withServiceEnvironment(Service.WEB, Map.of("PROBE_PROFILE", "ar-rosario"));
        Stack stack = Stack.of(spec, line -> { });
        try {
            stack.up(List.of(Service.WEB), null);
            assertThat(probe(spec)).isEqualTo("ar-rosario");

            stack.restart(Service.WEB, Map.of("PROBE_PROFILE", "cl"));
            assertThat(stack.state(Service.WEB)).isEqualTo(Stack.State.RUNNING);
            assertThat(probe(spec)).isEqualTo("cl");

            stack.restart(Service.WEB);
            assertThat(probe(spec)).isEqualTo("ar-rosario");
        } finally {
            stack.down();
        }
        assertThat(stack.state(Service.WEB)).isEqualTo(Stack.State.STOPPED);
    }

    private static String probe(StackSpec spec) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(spec.layout().url(Service.WEB) + "/env"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void packageProbeAs(Path jar) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("probe"));
        Path source = Files.writeString(sources.resolve("Probe.java"), PROBE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", sources.toString(), source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Probe");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out, manifest)) {
            entries.putNextEntry(new JarEntry("Probe.class"));
            entries.write(Files.readAllBytes(sources.resolve("Probe.class")));
            entries.closeEntry();
        }
    }
}
